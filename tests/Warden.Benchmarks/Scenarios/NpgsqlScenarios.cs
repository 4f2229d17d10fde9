using Npgsql;

namespace Warden.Benchmarks.Scenarios;

/// <summary>
/// The database's own ceiling: single-row upserts on pooled connections, each its own committed
/// transaction, with none of Orleans' work around them. Grain-state writes are compared with these.
/// </summary>
public static class NpgsqlScenarios
{
    private const int Keys = 10_000;

    public static IEnumerable<Scenario> All(BenchmarkCluster cluster)
    {
        var dataSource = NpgsqlDataSource.Create(cluster.ConnectionString);
        var payload = new byte[256];
        Random.Shared.NextBytes(payload);

        foreach (var connections in new[] { 1, 16 })
        {
            yield return new Scenario($"npgsql-upsert-c{connections}", "upserts/s", connections,
                async (worker, i) =>
                {
                    await using var command = dataSource.CreateCommand(
                        "INSERT INTO bench_upsert (k, v, at) VALUES ($1, $2, now()) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v, at = EXCLUDED.at");
                    command.Parameters.AddWithValue((worker * 7919 + i) % Keys);
                    command.Parameters.AddWithValue(payload);
                    await command.ExecuteNonQueryAsync();
                },
                async () =>
                {
                    await using var create = dataSource.CreateCommand("CREATE TABLE IF NOT EXISTS bench_upsert (k integer PRIMARY KEY, v bytea NOT NULL, at timestamptz NOT NULL)");
                    await create.ExecuteNonQueryAsync();
                });
        }
    }
}
