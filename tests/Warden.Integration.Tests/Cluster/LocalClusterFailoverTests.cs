using System.Diagnostics;
using Npgsql;
using Warden.Abstractions.Diagnostics;
using Warden.Client;
using Warden.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Warden.Integration.Tests.Cluster;

[Collection(PostgresCollection.Name)]
public sealed class LocalClusterFailoverTests(PostgresFixture postgres, ITestOutputHelper output)
{
    /// <summary>Short failure detection, so the test measures it in seconds rather than minutes.</summary>
    private static readonly Dictionary<string, string> FastFailureDetection = new()
    {
        ["Warden__Membership__ProbeTimeout"] = "00:00:01",
        ["Warden__Membership__NumMissedProbesLimit"] = "2",
        ["Warden__Membership__TableRefreshTimeout"] = "00:00:02",
        ["Warden__Membership__IAmAliveTablePublishTimeout"] = "00:00:05",
    };

    [Fact]
    public async Task Killing_the_silo_that_hosts_a_grain_leaves_it_reachable_on_the_survivor_with_its_state()
    {
        var connectionString = await postgres.CreateDatabaseAsync("failover");
        await using var local = new LocalClusterScripts(connectionString, "failover", FastFailureDetection);
        (await local.ApplySchemaAsync()).Should().Contain("Orleans queries installed", "the script re-applies the schema idempotently");
        await local.StartSilosAsync(2);

        await using var client = await WardenClient.ConnectAsync(new WardenClientOptions
        {
            UseCluster = true,
            ServiceId = "failover",
            ClusterId = "failover",
            ConnectionString = connectionString,
            ResponseTimeout = TimeSpan.FromSeconds(3),
            GatewayListRefreshPeriod = TimeSpan.FromSeconds(1),
        });
        var probe = client.Grains.GetGrain<IClusterProbeGrain>("survivor-check");
        var written = await probe.Write("state before the crash");
        var victimPort = SiloPort(written.Silo);
        var survivorPort = victimPort == local.BaseSiloPort ? local.BaseSiloPort + 1 : local.BaseSiloPort;

        Process.GetProcessById(local.SiloPid(victimPort)).Kill();
        var sinceKill = Stopwatch.StartNew();

        var recovered = await Eventually.Succeeds(probe.Read, s => SiloPort(s.Silo) == survivorPort, TimeSpan.FromSeconds(90), "the probe answering from the survivor");
        var reachableAfter = sinceKill.Elapsed;
        var declaredDeadAfter = await WaitUntilDeclaredDeadAsync(connectionString, victimPort, sinceKill);
        output.WriteLine($"SIGKILL of silo {victimPort}: declared dead after {declaredDeadAfter.TotalSeconds:F1} s, grain reachable on {survivorPort} after {reachableAfter.TotalSeconds:F1} s");

        recovered.Value.Should().Be("state before the crash");
        recovered.Writes.Should().Be(1);
        (await probe.Write("state after the crash")).Writes.Should().Be(2);
        reachableAfter.Should().BeLessThan(TimeSpan.FromSeconds(30), "probes every second, two missed probes declare a silo dead");
    }

    private static int SiloPort(string siloAddress) => int.Parse(siloAddress.Split(':')[1]);

    private static async Task<TimeSpan> WaitUntilDeclaredDeadAsync(string connectionString, int siloPort, Stopwatch sinceKill)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await Eventually.Succeeds(async () =>
        {
            await using var command = dataSource.CreateCommand("SELECT Status FROM OrleansMembershipTable WHERE Port = $1 ORDER BY Generation DESC LIMIT 1");
            command.Parameters.AddWithValue(siloPort);
            return Convert.ToInt32(await command.ExecuteScalarAsync());
        }, status => status == 6, TimeSpan.FromSeconds(60), $"silo {siloPort} marked Dead in the membership table");
        return sinceKill.Elapsed;
    }
}
