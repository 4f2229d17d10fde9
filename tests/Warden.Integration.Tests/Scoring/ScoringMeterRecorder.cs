using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Warden.Integration.Tests.Scoring;

/// <summary>Listens to the <c>Warden.Scoring</c> meter of the in-process silos and sums counters by tag set.</summary>
internal sealed class ScoringMeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, string?> Tags)> _measurements = new();

    public ScoringMeterRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == Warden.Grains.Scoring.ScoringMeters.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString()))));
        _listener.Start();
    }

    /// <summary>The sum of <paramref name="instrument"/>'s measurements carrying every one of <paramref name="tags"/>.</summary>
    public long Count(string instrument, params (string Key, string Value)[] tags) =>
        _measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && v == t.Value)).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();
}
