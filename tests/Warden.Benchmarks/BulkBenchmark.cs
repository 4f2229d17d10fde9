using System.Diagnostics;
using Warden.Abstractions.Bulk;

namespace Warden.Benchmarks;

/// <summary>
/// Bulk operations on 100,000 entities with PostgreSQL persistence: a label applied to all of them, then the
/// operation undone, each timed from the call to the operation's finished status (runs repeat with new ids).
/// </summary>
public static class BulkBenchmark
{
    public const int Entities = 100_000;

    public sealed record Result(int Entities, IReadOnlyList<double> ApplyPerSecond, IReadOnlyList<double> UndoPerSecond, double ApplyMedian, double UndoMedian);

    public static async Task<Result> RunAsync(BenchmarkCluster cluster, int runs)
    {
        var grains = cluster.Client.Grains;
        await SeededEntities.ImportAsync(grains, Entities, 1, "bench:bulk-seed");

        var query = new BulkQuery { Origin = "labels", Source = "automated/model-0/v1" };
        var apply = new List<double>();
        var undo = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var id = $"bench-bulk-{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}-{run}";
            var operation = grains.GetGrain<IBulkOperationGrain>(id);
            var clock = Stopwatch.StartNew();
            var started = await operation.Start(new BulkRequest
            {
                Query = query,
                Action = new BulkAction { Kind = "label", Enforcement = "limit", Policy = "spam", Reason = "benchmark" },
                Actor = "bench",
                Parallelism = 64,
            });
            if (started.Errors.Count > 0 || started.Matched != Entities)
            {
                throw new InvalidOperationException($"bulk start: matched {started.Matched}; {string.Join("; ", started.Errors)}");
            }

            await WaitAsync(operation, BulkStatus.Applied);
            apply.Add(Math.Round(Entities / clock.Elapsed.TotalSeconds));
            clock.Restart();
            await operation.Undo("bench");
            await WaitAsync(operation, BulkStatus.Undone);
            undo.Add(Math.Round(Entities / clock.Elapsed.TotalSeconds));
        }

        return new Result(Entities, apply, undo, Median(apply), Median(undo));
    }

    private static async Task WaitAsync(IBulkOperationGrain operation, BulkStatus status)
    {
        while ((await operation.Get())!.Status != status)
        {
            await Task.Delay(100);
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
