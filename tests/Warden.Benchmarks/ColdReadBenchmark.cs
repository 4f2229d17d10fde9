using System.Diagnostics;
using HdrHistogram;
using Orleans.Runtime;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Runtime;

namespace Warden.Benchmarks;

/// <summary>
/// Enforcement reads of entities that are not activated (state loaded from PostgreSQL) beside the same reads
/// once they are, and what an idle activation costs: 100,000 entities with two labels each, all deactivated,
/// each read once by 64 callers (cold), then once more (warm); memory is the managed heap and the process RSS
/// after a full collection, with every entity active minus with none.
/// </summary>
public static class ColdReadBenchmark
{
    public const int Entities = 100_000;
    private const int Callers = 64;
    private const string Surface = "home_feed";
    private static readonly long MaxTrackable = TimeStamp.Seconds(60);

    public sealed record Pass(double PerSecond, double P50Ms, double P99Ms);

    public sealed record Result(int Entities, double SeedRowsPerSecond, IReadOnlyList<Pass> Cold, IReadOnlyList<Pass> Warm, IReadOnlyList<Pass> Select,
        double ColdMedianPerSecond, double WarmMedianPerSecond, double SelectMedianPerSecond, double ColdP99Ms, double WarmP99Ms, long HeapBytesPerActiveEntity, long RssBytesPerActiveEntity);

    public static async Task<Result> RunAsync(BenchmarkCluster cluster, int runs)
    {
        var grains = cluster.Client.Grains;
        var seed = await SeededEntities.ImportAsync(grains, Entities, 2, "bench:cold-seed");
        var management = grains.GetGrain<IManagementGrain>(0);
        var cold = new List<Pass>();
        var warm = new List<Pass>();
        var select = new List<Pass>();
        await using var db = Npgsql.NpgsqlDataSource.Create(cluster.ConnectionString);
        var heap = new List<long>();
        var rss = new List<long>();
        for (var run = 0; run < runs; run++)
        {
            await DeactivateEntitiesAsync(management);
            var (heapIdle, rssIdle) = Memory();
            cold.Add(await ReadAllAsync(grains));
            var (heapActive, rssActive) = Memory();
            warm.Add(await ReadAllAsync(grains));
            select.Add(await SelectAllAsync(db));
            heap.Add((heapActive - heapIdle) / Entities);
            rss.Add((rssActive - rssIdle) / Entities);
        }

        static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
        return new Result(Entities, Math.Round(seed), cold, warm, select, Median(cold.Select(p => p.PerSecond)), Median(warm.Select(p => p.PerSecond)), Median(select.Select(p => p.PerSecond)),
            Median(cold.Select(p => p.P99Ms)), Median(warm.Select(p => p.P99Ms)), (long)Median(heap.Select(h => (double)h)), (long)Median(rss.Select(r => (double)r)));
    }

    /// <summary>Asks every silo to collect idle activations, then waits until no entity activation is left.</summary>
    private static async Task DeactivateEntitiesAsync(IManagementGrain management)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await management.ForceActivationCollection(TimeSpan.Zero);
            var active = (await management.GetSimpleGrainStatistics())
                .Where(s => s.GrainType.Contains("EntityGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
            if (active == 0)
            {
                return;
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"{active} entity activations still active after 2 minutes of collection");
            }

            await Task.Delay(200); // collection is asynchronous: poll its outcome
        }
    }

    private static Task<Pass> ReadAllAsync(IGrainFactory grains) =>
        EachEntityAsync(i => grains.Get<IEntityGrain>($"pin:{i}").GetVerdict(Surface));

    /// <summary>The ceiling of a cold read: the same rows fetched one by one by 64 callers, with nothing around them.</summary>
    private static Task<Pass> SelectAllAsync(Npgsql.NpgsqlDataSource db) => EachEntityAsync(async i =>
    {
        await using var command = db.CreateCommand("SELECT state, version FROM entity_labels WHERE entity = $1");
        command.Parameters.AddWithValue($"pin:{i}");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        _ = reader.GetString(0);
    });

    private static async Task<Pass> EachEntityAsync(Func<int, Task> read)
    {
        var latencies = new LongConcurrentHistogram(1, MaxTrackable, 3);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Entities), new ParallelOptions { MaxDegreeOfParallelism = Callers }, async (i, _) =>
        {
            var started = Stopwatch.GetTimestamp();
            await read(i);
            latencies.RecordValue(Math.Min(Stopwatch.GetTimestamp() - started, MaxTrackable));
        });
        double Ms(double percentile) => Math.Round(latencies.GetValueAtPercentile(percentile) * 1000.0 / Stopwatch.Frequency, 2);
        return new Pass(Math.Round(Entities / clock.Elapsed.TotalSeconds), Ms(50), Ms(99));
    }

    private static (long Heap, long Rss) Memory()
    {
        // Aggressive: the runtime also gives back memory it no longer needs, so RSS moves with the heap.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (heap, process.WorkingSet64);
    }
}
