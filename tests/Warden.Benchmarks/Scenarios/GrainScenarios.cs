using Warden.Abstractions.Diagnostics;

namespace Warden.Benchmarks.Scenarios;

/// <summary>The ceilings of grain calls: a no-op through the client, and a durable state write.</summary>
public static class GrainScenarios
{
    public static IEnumerable<Scenario> All(BenchmarkCluster cluster)
    {
        var grains = cluster.Client.Grains;
        IClusterProbeGrain Probe(int worker) => grains.GetGrain<IClusterProbeGrain>($"bench-{worker}");

        foreach (var callers in new[] { 1, 64 })
        {
            yield return new Scenario($"grain-noop-call-c{callers}", "calls/s", callers,
                (worker, _) => Probe(worker).Ping(),
                () => Task.WhenAll(Enumerable.Range(0, callers).Select(w => Probe(w).Ping())));
        }

        // Like-for-like ceiling for reads over many entities: every call to a different one of 10,000 grains.
        const int spread = 10_000;
        IClusterProbeGrain Spread(long i) => grains.GetGrain<IClusterProbeGrain>($"spread-{i % spread}");
        var activated = new Lazy<Task>(() => Parallel.ForEachAsync(Enumerable.Range(0, spread), async (i, _) => await Spread(i).Ping()));
        yield return new Scenario("grain-noop-10k-grains-c64", "calls/s", 64, (worker, i) => Spread(worker * 7919 + i).Ping(), () => activated.Value);

        foreach (var writers in new[] { 1, 16 })
        {
            yield return new Scenario($"grain-state-write-c{writers}", "writes/s", writers,
                (worker, i) => Probe(worker).Write($"write {i}"),
                () => Task.WhenAll(Enumerable.Range(0, writers).Select(w => Probe(w).Ping())));
        }
    }
}
