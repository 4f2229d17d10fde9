using Npgsql;
using Orleans.Streams;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Runtime;

namespace Warden.Benchmarks.Scenarios;

/// <summary>
/// Durable events: enqueueing through the ADO.NET stream provider beside the same-shaped raw INSERT (its
/// ceiling), and label writes that add an outbox event beside writes that change no enforcement.
/// </summary>
public static class EventScenarios
{
    public const string Namespace = "bench.events";

    public static IEnumerable<Scenario> All(BenchmarkCluster cluster)
    {
        var grains = cluster.Client.Grains;
        var provider = cluster.Client.Cluster.GetStreamProvider(WardenProviders.Streams);
        var dataSource = NpgsqlDataSource.Create(cluster.ConnectionString);
        var decision = new EnforcementDecision { Entity = "pin:bench", Surface = "home_feed", Enforcement = "block", DecidedAt = DateTimeOffset.UtcNow };
        var payload = new byte[160];
        Random.Shared.NextBytes(payload);

        // Nobody subscribes to this namespace: what is measured is the durable enqueue, one row per event.
        yield return new Scenario("stream-publish-c16", "events/s", 16,
            (worker, i) => provider.GetStream<EnforcementChanged>(StreamId.Create(Namespace, (worker % 4).ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .OnNextAsync(new EnforcementChanged("pin:bench", "home_feed", "allow", decision) { EventId = $"bench/{worker}/{i}", EntityVersion = (int)i }));
        yield return new Scenario("npgsql-insert-event-c16", "inserts/s", 16,
            async (worker, i) =>
            {
                await using var command = dataSource.CreateCommand("INSERT INTO bench_events (queue, payload) VALUES ($1, $2)");
                command.Parameters.AddWithValue(worker % 4);
                command.Parameters.AddWithValue(payload);
                await command.ExecuteNonQueryAsync();
            },
            async () =>
            {
                await using var create = dataSource.CreateCommand("CREATE TABLE IF NOT EXISTS bench_events (id bigserial PRIMARY KEY, queue integer NOT NULL, payload bytea NOT NULL, at timestamptz NOT NULL DEFAULT now())");
                await create.ExecuteNonQueryAsync();
            });

        // The same write either moves enforcement (limit ↔ block: an outbox row and a relayed event) or not
        // (limit with a new time: state and history only).
        yield return new Scenario("label-write-noevent-c16", "writes/s", 16,
            (worker, i) => grains.GetGrain<IEntityGrain>($"pin:quiet-{worker}").WriteLabel(Label("limit"), "bench"));
        yield return new Scenario("label-write-event-c16", "writes/s", 16,
            (worker, i) => grains.GetGrain<IEntityGrain>($"pin:flip-{worker}").WriteLabel(Label(i % 2 == 0 ? "limit" : "block"), "bench"));
    }

    private static Label Label(string enforcement) => new()
    {
        Source = new LabelSource("bench-model", SourceKind.Automated, "v1"),
        Enforcement = enforcement,
        Policy = "spam",
        CreatedAt = DateTimeOffset.UtcNow,
        Confidence = 0.9,
    };
}
