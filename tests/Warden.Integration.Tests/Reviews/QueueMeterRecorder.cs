using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Warden.Integration.Tests.Reviews;

/// <summary>Listens to the <c>Warden.Queues</c> meter of the in-process silos, for one queue.</summary>
internal sealed class QueueMeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _sums = new();
    private readonly ConcurrentDictionary<string, double> _latest = new();
    private readonly string _queue;

    public QueueMeterRecorder(string queue)
    {
        _queue = queue;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Warden.Queues")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public double Sum(string instrument) => _sums.GetValueOrDefault(instrument);

    /// <summary>Polls the observable gauges and returns the latest value of <paramref name="instrument"/> (−1 before any).</summary>
    public double Observe(string instrument)
    {
        _listener.RecordObservableInstruments();
        return _latest.GetValueOrDefault(instrument, -1);
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "queue" && Equals(tag.Value, _queue))
            {
                _sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
                _latest[instrument.Name] = value;
            }
        }
    }
}
