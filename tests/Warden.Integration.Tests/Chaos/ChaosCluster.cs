using System.Diagnostics;
using System.Net.Http.Headers;
using Npgsql;
using Warden.Abstractions.Access;
using Warden.Client;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;

namespace Warden.Integration.Tests.Chaos;

/// <summary>
/// Silo processes started by deploy/local/silos.sh on a durable PostgreSQL, with the failure detection
/// and recovery periods shortened so an experiment takes seconds: the cluster an operator runs, to break.
/// </summary>
public sealed class ChaosCluster : IAsyncDisposable
{
    public static readonly IReadOnlyDictionary<string, string> FastRecovery = new Dictionary<string, string>
    {
        ["Warden__Membership__ProbeTimeout"] = "00:00:01",
        ["Warden__Membership__NumMissedProbesLimit"] = "2",
        ["Warden__Membership__NumVotesForDeathDeclaration"] = "1",
        ["Warden__Membership__TableRefreshTimeout"] = "00:00:02",
        ["Warden__Membership__IAmAliveTablePublishTimeout"] = "00:00:05",
        ["Warden__Reminders__MinimumReminderPeriod"] = "00:00:01",
        ["Warden__Scoring__RecoverAfter"] = "00:00:03",
        ["Warden__Scoring__RecoveryPeriod"] = "00:00:05",
        ["Warden__Api__RequestsPerMinute"] = "1000000",
        ["Warden__Streams__VisibilityTimeout"] = "00:00:10",
    };

    private ChaosCluster(LocalClusterScripts scripts, string connectionString, int silos)
    {
        Scripts = scripts;
        ConnectionString = connectionString;
        SiloPorts = [.. Enumerable.Range(scripts.BaseSiloPort, silos)];
        Db = NpgsqlDataSource.Create(connectionString);
    }

    public LocalClusterScripts Scripts { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource Db { get; }

    public IReadOnlyList<int> SiloPorts { get; }

    public IReadOnlyList<int> HttpPorts => [.. SiloPorts.Select(Scripts.HttpPort)];

    public WardenClient Client { get; private set; } = null!;

    /// <summary>An admin key, created through the client before the experiment.</summary>
    public string ApiKey { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<ChaosCluster> StartAsync(DurablePostgres postgres, string name, int silos = 3)
    {
        var connectionString = await postgres.CreateDatabaseAsync(name);
        var scripts = new LocalClusterScripts(connectionString, name.Replace('_', '-'), FastRecovery.ToDictionary(), maxSilos: silos);
        var cluster = new ChaosCluster(scripts, connectionString, silos);
        Directory.CreateDirectory(Path.Combine(scripts.StateDirectory, "models"));
        File.Copy(TrainedModels.SpamModelPath, Path.Combine(scripts.StateDirectory, "models", "spam.onnx"));
        await scripts.StartSilosAsync(silos);
        await cluster.ConnectAsync();
        var key = await cluster.Client.Grains.GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.DefaultKey).Create("chaos", [ApiScopes.Admin], "test:chaos");
        cluster.ApiKey = key.Key!;
        cluster.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", cluster.ApiKey);
        return cluster;
    }

    public RetryingHttp NewLoadClient() => new(Http, HttpPorts);

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster.</summary>
    public async Task KillAsync(int siloPort)
    {
        using var process = Process.GetProcessById(Scripts.SiloPid(siloPort));
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as an orchestrator stops a silo, and waits for it to leave.</summary>
    public async Task StopGracefullyAsync(int siloPort)
    {
        using var process = Process.GetProcessById(Scripts.SiloPid(siloPort));
        await ProcessRunner.RunAsync("kill", ["-TERM", process.Id.ToString()]);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(patience.Token);
    }

    /// <summary>Restarts a silo with the script and returns how long until it was ready.</summary>
    public async Task<TimeSpan> RestartAsync(int siloPort)
    {
        var clock = Stopwatch.StartNew();
        await Scripts.StartSiloAsync(siloPort);
        return clock.Elapsed;
    }

    public async Task<int> ReadyStatusAsync(int siloPort)
    {
        try
        {
            using var response = await Http.GetAsync($"http://127.0.0.1:{Scripts.HttpPort(siloPort)}/readyz");
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var command = Db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ConnectAsync()
    {
        Client = await WardenClient.ConnectAsync(new WardenClientOptions
        {
            UseCluster = true,
            ServiceId = Scripts.ClusterId,
            ClusterId = Scripts.ClusterId,
            ConnectionString = ConnectionString,
            ResponseTimeout = TimeSpan.FromSeconds(5),
            GatewayListRefreshPeriod = TimeSpan.FromSeconds(1),
        });
    }

    /// <summary>
    /// Set by an experiment whose client subscribed to a stream: that client is left to the process's end
    /// instead of being disposed. An event still being redelivered to an Orleans 10.4 client that was
    /// disposed makes it throw on a thread-pool thread, which ends the whole test run (seen twice in CI
    /// even with the silos stopped first).
    /// </summary>
    public bool KeepClientToProcessEnd { get; set; }

    /// <summary>Silos first, then the client (unless kept): no silo is left to deliver to a disposed client.</summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Scripts.DisposeAsync();
        if (Client is not null && !KeepClientToProcessEnd)
        {
            await Client.DisposeAsync();
        }

        await Db.DisposeAsync();
    }
}
