using System.Collections.Concurrent;
using System.Diagnostics;
using Warden.Abstractions.Labels;

namespace Warden.Benchmarks;

/// <summary>
/// Label write → enforcement event at a subscribed client service: the path through the outbox, the relay
/// and the durable stream. Writes are paced (10 entities, each flipping every 100 ms), each a change of
/// enforcement, and the first delivery of each (entity, version) is timed from the moment the write started.
/// </summary>
public static class EventLatencyBenchmark
{
    private const int Entities = 10;
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    public sealed record Result(int Samples, int Undelivered, double P50Ms, double P99Ms, IReadOnlyList<double> RunP50Ms);

    public static async Task<Result> RunAsync(BenchmarkCluster cluster, int runs)
    {
        var latencies = new List<double>();
        var runMedians = new List<double>();
        var undelivered = 0;
        for (var run = 0; run < runs; run++)
        {
            var started = new ConcurrentDictionary<(string, int), long>();
            var measured = new ConcurrentDictionary<(string, int), double>();
            await using var subscription = await cluster.Client.SubscribeToEnforcementAsync(change =>
            {
                var now = Stopwatch.GetTimestamp();
                if (started.TryGetValue((change.Entity, change.EntityVersion), out var at))
                {
                    measured.TryAdd((change.Entity, change.EntityVersion), Stopwatch.GetElapsedTime(at, now).TotalMilliseconds);
                }

                return Task.CompletedTask;
            });

            var prefix = $"pin:latency-{Guid.NewGuid():N}";
            await Task.WhenAll(Enumerable.Range(0, Entities).Select(e => Task.Run(async () =>
            {
                var entity = $"{prefix}-{e}";
                var clock = Stopwatch.StartNew();
                for (var version = 1; clock.Elapsed < Duration; version++)
                {
                    started[(entity, version)] = Stopwatch.GetTimestamp();
                    await cluster.Client.Grains.GetGrain<IEntityGrain>(entity).WriteLabel(new Label
                    {
                        Source = new LabelSource("bench-model", SourceKind.Automated, "latency"),
                        Enforcement = version % 2 == 1 ? "block" : "allow",
                        Policy = "spam",
                        CreatedAt = DateTimeOffset.UtcNow,
                    }, "bench");
                    await Task.Delay(Pace);
                }
            })));

            var deadline = Stopwatch.StartNew();
            while (measured.Count < started.Count && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50);
            }

            undelivered += started.Count - measured.Count;
            var values = measured.Values.Order().ToList();
            runMedians.Add(Math.Round(Percentile(values, 50), 2));
            latencies.AddRange(values);
        }

        latencies.Sort();
        return new Result(latencies.Count, undelivered, Math.Round(Percentile(latencies, 50), 2), Math.Round(Percentile(latencies, 99), 2), runMedians);
    }

    private static double Percentile(IReadOnlyList<double> sorted, double percentile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1)];
}
