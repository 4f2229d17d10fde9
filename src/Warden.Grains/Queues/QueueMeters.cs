using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Warden.Abstractions.Queues;

namespace Warden.Grains.Queues;

/// <summary>
/// Publishes the live numbers of this silo's active queues through System.Diagnostics.Metrics (meter
/// <c>Warden.Queues</c>), for OpenTelemetry or dotnet-counters: gauges read the latest snapshot each
/// queue grain posts; counters count leases, decisions and SLA breaches as they happen.
/// </summary>
public sealed class QueueMeters : IDisposable
{
    public const string MeterName = "Warden.Queues";
    private readonly ConcurrentDictionary<string, QueueMetrics> _snapshots = new(StringComparer.Ordinal);
    private readonly Meter _meter;
    private readonly Counter<long> _leases;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _breaches;

    public QueueMeters(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("warden.queue.depth", () => Observe(m => m.Depth), "{job}", "Jobs in the queue, leased or not");
        _meter.CreateObservableGauge("warden.queue.leased", () => Observe(m => m.Leased), "{job}", "Jobs leased to a reviewer");
        _meter.CreateObservableGauge("warden.queue.oldest_age", () => Observe(m => m.OldestAge.TotalSeconds), "s", "Age of the oldest job");
        _meter.CreateObservableGauge("warden.queue.sla_breached", () => Observe(m => m.SlaBreached), "{job}", "Jobs past the target handling time");
        _meter.CreateObservableGauge("warden.queue.handle_time_p90", () => Observe(m => m.P90HandleTime.TotalSeconds), "s", "90th percentile lease-to-decision time");
        _leases = _meter.CreateCounter<long>("warden.queue.leases", "{lease}");
        _decisions = _meter.CreateCounter<long>("warden.queue.decisions", "{decision}");
        _breaches = _meter.CreateCounter<long>("warden.queue.sla_breaches", "{job}");
    }

    public void Post(QueueMetrics metrics) => _snapshots[metrics.Queue] = metrics;

    public void Forget(string queue) => _snapshots.TryRemove(queue, out _);

    public void Leased(string queue) => _leases.Add(1, Tag(queue));

    public void Decided(string queue, JobStepOutcome outcome) =>
        _decisions.Add(1, Tag(queue), new KeyValuePair<string, object?>("outcome", outcome.ToString().ToLowerInvariant()));

    public void Breached(string queue, int count) => _breaches.Add(count, Tag(queue));

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<T>> Observe<T>(Func<QueueMetrics, T> value) where T : struct =>
        _snapshots.Values.Select(m => new Measurement<T>(value(m), Tag(m.Queue)));

    private static KeyValuePair<string, object?> Tag(string queue) => new("queue", queue);
}
