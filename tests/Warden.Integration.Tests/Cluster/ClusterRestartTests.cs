using Warden.Abstractions.Diagnostics;
using Warden.Integration.Tests.Infrastructure;

namespace Warden.Integration.Tests.Cluster;

[Collection(PostgresCollection.Name)]
public sealed class ClusterRestartTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Grain_state_written_through_two_silos_survives_a_whole_cluster_restart()
    {
        var connectionString = await postgres.CreateDatabaseAsync("restart_state");
        const string serviceId = "restart-state";
        var keys = Enumerable.Range(0, 20).Select(i => $"probe-{i}").ToList();

        await using (var first = await WardenTestCluster.DeployAsync(connectionString, serviceId))
        {
            first.Silos.Should().HaveCount(2);
            var written = await Task.WhenAll(keys.Select(k => first.GrainFactory.GetGrain<IClusterProbeGrain>(k).Write("value of " + k)));
            written.Select(s => s.Silo).Distinct().Should().HaveCount(2, "the grains are spread over both silos");
            await first.StopAllSilosAsync();
        }

        await using var second = await WardenTestCluster.DeployAsync(connectionString, serviceId);
        foreach (var key in keys)
        {
            var read = await second.GrainFactory.GetGrain<IClusterProbeGrain>(key).Read();
            read.Value.Should().Be("value of " + key);
            read.Writes.Should().Be(1);
        }
    }

    [Fact]
    public async Task A_stale_write_from_a_second_activation_is_refused()
    {
        var connectionString = await postgres.CreateDatabaseAsync("restart_versions");
        await using var cluster = await WardenTestCluster.DeployAsync(connectionString, "versions", silos: 1);
        var probe = cluster.GrainFactory.GetGrain<IClusterProbeGrain>("versioned");
        await probe.Write("one");
        await probe.Write("two");

        // A row whose version moved on underneath the activation: the next write must not overwrite it.
        await using (var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString))
        {
            await using var bump = dataSource.CreateCommand("UPDATE OrleansStorage SET Version = Version + 1");
            (await bump.ExecuteNonQueryAsync()).Should().Be(1);
        }

        var stale = () => probe.Write("three");
        await stale.Should().ThrowAsync<Orleans.Storage.InconsistentStateException>();
    }

    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_after_it()
    {
        var connectionString = await postgres.CreateDatabaseAsync("restart_reminder");
        const string serviceId = "restart-reminder";
        DateTimeOffset restartedAt;

        await using (var first = await WardenTestCluster.DeployAsync(connectionString, serviceId))
        {
            await first.GrainFactory.GetGrain<IClusterProbeGrain>("heartbeat").StartHeartbeat(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2));
            await first.StopAllSilosAsync();
        }

        await using var second = await WardenTestCluster.DeployAsync(connectionString, serviceId);
        restartedAt = DateTimeOffset.UtcNow;
        var probe = second.GrainFactory.GetGrain<IClusterProbeGrain>("heartbeat");
        var snapshot = await Eventually.Succeeds(
            probe.Read,
            s => s.Heartbeats.Any(t => t.FiredAt > restartedAt),
            TimeSpan.FromSeconds(60),
            "a heartbeat tick after the restart");

        snapshot.Heartbeats.Should().Contain(t => t.FiredAt > restartedAt);
        await probe.StopHeartbeat();
    }
}
