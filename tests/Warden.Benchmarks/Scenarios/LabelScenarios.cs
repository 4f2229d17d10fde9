using Warden.Abstractions.Labels;

namespace Warden.Benchmarks.Scenarios;

/// <summary>The label store's figures: enforcement reads (single and batch) and durable label writes.</summary>
public static class LabelScenarios
{
    private const int Entities = 10_000;
    private const string Surface = "home_feed";

    public static IEnumerable<Scenario> All(BenchmarkCluster cluster)
    {
        var grains = cluster.Client.Grains;
        var prepared = new Lazy<Task>(() => LabelEntitiesAsync(grains));
        Task Prepare() => prepared.Value;
        static string Key(long i) => $"pin:{i % Entities}";

        foreach (var callers in new[] { 1, 64 })
        {
            yield return new Scenario($"verdict-read-c{callers}", "reads/s", callers,
                (worker, i) => grains.GetGrain<IEntityGrain>(Key(worker * 7919 + i)).GetVerdict(Surface), Prepare);
            yield return new Scenario($"explained-read-c{callers}", "reads/s", callers,
                (worker, i) => grains.GetGrain<IEntityGrain>(Key(worker * 7919 + i)).GetEnforcement(Surface), Prepare);
        }

        var reader = grains.GetGrain<IEnforcementReaderGrain>(0);
        IReadOnlyList<string> Batch(int worker, long i) => [.. Enumerable.Range(0, 100).Select(j => Key((worker * 100_003) + (i * 100) + j))];
        yield return new Scenario("verdict-batch100-c8", "entities/s", 8, (worker, i) => reader.GetVerdicts(Surface, Batch(worker, i)), Prepare, ItemsPerOperation: 100);
        yield return new Scenario("explained-batch100-c8", "entities/s", 8, (worker, i) => reader.GetEnforcements(Surface, Batch(worker, i)), Prepare, ItemsPerOperation: 100);

        foreach (var writers in new[] { 1, 16 })
        {
            // Each write is a newer label from the same source: a replace, a state write and a history row.
            yield return new Scenario($"label-write-c{writers}", "writes/s", writers,
                (worker, i) => grains.GetGrain<IEntityGrain>($"pin:write-{worker}").WriteLabel(new Label
                {
                    Source = new LabelSource("bench-model", SourceKind.Automated, "v1"),
                    Enforcement = i % 2 == 0 ? "limit" : "block",
                    Policy = "spam",
                    CreatedAt = DateTimeOffset.UtcNow,
                    Confidence = 0.9,
                }, "bench"));
        }
    }

    /// <summary>One human and one automated label on every read entity, so reads resolve a real conflict.</summary>
    private static async Task LabelEntitiesAsync(IGrainFactory grains)
    {
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        await Parallel.ForEachAsync(Enumerable.Range(0, Entities), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
        {
            await grains.GetGrain<IEntityGrain>($"pin:{i}").WriteLabels(
            [
                new Label { Source = new LabelSource("spam-model", SourceKind.Automated, "v7"), Enforcement = "limit", Policy = "spam", CreatedAt = at, Confidence = 0.8 },
                new Label { Source = new LabelSource("review", SourceKind.Human, "jane"), Enforcement = i % 2 == 0 ? "block" : "allow", Policy = "porn", CreatedAt = at },
            ], "bench");
        });
    }
}
