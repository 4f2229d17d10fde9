using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Warden.Client;
using Warden.Silo.Hosting;
using Warden.Testing;

namespace Warden.Benchmarks;

/// <summary>
/// What the figures are measured against: a durable PostgreSQL server (fsync on), one silo in
/// cluster mode on it, and a client that reaches the silo through its TCP gateway.
/// </summary>
public sealed class BenchmarkCluster : IAsyncDisposable
{
    private const string ServiceId = "bench";

    private BenchmarkCluster(PostgresServer postgres, string connectionString, WebApplication silo, WardenClient client)
    {
        Postgres = postgres;
        ConnectionString = connectionString;
        Silo = silo;
        Client = client;
    }

    public PostgresServer Postgres { get; }

    public string ConnectionString { get; }

    public WebApplication Silo { get; }

    public WardenClient Client { get; }

    public static async Task<BenchmarkCluster> StartAsync()
    {
        var postgres = await PostgresServer.StartAsync(durable: true);
        var connectionString = await postgres.CreateDatabaseAsync("bench");
        var gatewayPort = FreePort.Next();
        var silo = WardenHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Warden:Mode"] = "Cluster",
                ["Warden:ServiceId"] = ServiceId,
                ["Warden:ClusterId"] = ServiceId,
                ["Warden:ConnectionString"] = connectionString,
                ["Warden:SiloPort"] = FreePort.Next().ToString(),
                ["Warden:GatewayPort"] = gatewayPort.ToString(),
                ["Warden:HttpPort"] = FreePort.Next().ToString(),
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await silo.StartAsync();
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
        await Silo.StopAsync();
        await Silo.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
