using Warden.Client;
using Warden.Testing;

namespace Warden.Benchmarks;

/// <summary>
/// What the figures are measured against: a durable PostgreSQL server (fsync on), one silo in
/// cluster mode on it, and a client that reaches the silo through its TCP gateway.
/// </summary>
public sealed class BenchmarkCluster : IAsyncDisposable
{
    private const string ServiceId = "bench";

    private BenchmarkCluster(PostgresServer postgres, string connectionString, LoopbackSilo silo, WardenClient client)
    {
        Postgres = postgres;
        ConnectionString = connectionString;
        Silo = silo;
        Client = client;
    }

    public PostgresServer Postgres { get; }

    public string ConnectionString { get; }

    public LoopbackSilo Silo { get; }

    public WardenClient Client { get; }

    public static async Task<BenchmarkCluster> StartAsync(IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var postgres = await PostgresServer.StartAsync(durable: true);
        var connectionString = await postgres.CreateDatabaseAsync("bench");
        // The per-key rate limit is a deployment's policy; here it must not be what is measured.
        var settings = new Dictionary<string, string?>
        {
            ["Warden:Api:RequestsPerMinute"] = "1000000000",
            ["Warden:Scoring:TextModel"] = TrainedModels.SpamModelPath,
            ["Warden:Scoring:ImageModel"] = TrainedModels.NsfwModelPath,
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var silo = await LoopbackSilo.StartAsync(connectionString, ServiceId, settings: settings);
        var client = await WardenClient.ConnectAsync(new WardenClientOptions
        {
            UseCluster = true,
            ServiceId = ServiceId,
            ClusterId = ServiceId,
            ConnectionString = connectionString,
        });
        return new BenchmarkCluster(postgres, connectionString, silo, client);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Silo.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
