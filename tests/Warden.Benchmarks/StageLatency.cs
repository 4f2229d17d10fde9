using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HdrHistogram;
using Warden.Grains.Scoring;

namespace Warden.Benchmarks;

/// <summary>
/// Where a submission's time goes: listens to the silo's <c>warden.submit.stage.duration</c> (the silo runs in
/// this process) and keeps one histogram per stage, reset with each scenario's measured runs.
/// </summary>
public sealed class StageLatency : IDisposable
{
    private static readonly long MaxTrackableMicroseconds = 60_000_000;
    private readonly MeterListener _listener = new();
    private ConcurrentDictionary<string, LongConcurrentHistogram> _stages = new(StringComparer.Ordinal);

    public StageLatency()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ScoringMeters.MeterName && instrument.Name == ScoringMeters.StageInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, milliseconds, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "stage" && tag.Value is string stage)
                {
                    var histogram = _stages.GetOrAdd(stage, _ => new LongConcurrentHistogram(1, MaxTrackableMicroseconds, 3));
                    histogram.RecordValue(Math.Clamp((long)(milliseconds * 1000), 1, MaxTrackableMicroseconds));
                }
            }
        });
        _listener.Start();
    }

    public void Reset() => _stages = new ConcurrentDictionary<string, LongConcurrentHistogram>(StringComparer.Ordinal);

    /// <summary>Each stage seen since the last reset, in submission order: count, p50 and p99 in milliseconds.</summary>
    public IReadOnlyList<(string Stage, long Count, double P50Ms, double P99Ms)> Snapshot()
    {
        string[] order = ["insert", "trust", "score", "labels", "route", "update"];
        return [.. _stages.OrderBy(s => Array.IndexOf(order, s.Key) is var i and >= 0 ? i : order.Length)
            .Select(s => (s.Key, s.Value.TotalCount, s.Value.GetValueAtPercentile(50) / 1000.0, s.Value.GetValueAtPercentile(99) / 1000.0))];
    }

    public void Dispose() => _listener.Dispose();
}
