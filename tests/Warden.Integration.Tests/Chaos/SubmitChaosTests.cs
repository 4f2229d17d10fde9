using System.Collections.Concurrent;
using Warden.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Warden.Integration.Tests.Chaos;

/// <summary>
/// Content submissions under load while the cluster is broken: a silo killed, PostgreSQL crashed, every
/// silo restarted in turn. Every acknowledged item must be stored once and scored; the figures are
/// printed and collected in chaos-report.txt.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SubmitChaosTests(DurablePostgres postgres, ITestOutputHelper output) : IClassFixture<DurablePostgres>
{
    private const int Workers = 8;

    [Fact]
    public async Task Killing_one_of_three_silos_under_submit_load_loses_nothing_and_the_silo_serves_again_after_a_restart()
    {
        await using var cluster = await ChaosCluster.StartAsync(postgres, "chaos_kill");
        var load = new SubmitLoad(cluster, Workers, "kill");
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token);
        await load.WaitForAcknowledgedAsync(60, "submissions before the kill");

        var victim = cluster.SiloPorts[1];
        var killedAt = load.Http.Now;
        await cluster.KillAsync(victim);
        await load.WaitForAcknowledgedAsync(load.Acknowledged + 150, "submissions after the kill");
        var restart = await cluster.RestartAsync(victim);
        await load.WaitForAcknowledgedAsync(load.Acknowledged + 60, "submissions after the restart");
        await stop.CancelAsync();
        await running;

        var report = await load.VerifyAsync("SIGKILL 1 of 3 silos under submit load", killedAt);
        report.Record(output);
        output.WriteLine($"the killed silo was ready {restart.TotalSeconds:F1} s after silos.sh start-one");
        AssertNothingLost(report, load);
        (await cluster.ReadyStatusAsync(victim)).Should().Be(200, "the restarted silo serves again");
    }

    [Fact]
    public async Task A_postgres_crash_under_submit_load_loses_nothing_and_readiness_follows_the_database()
    {
        await using var cluster = await ChaosCluster.StartAsync(postgres, "chaos_pg");
        var load = new SubmitLoad(cluster, Workers, "pg");
        using var stop = new CancellationTokenSource();
        var readiness = new ConcurrentBag<(TimeSpan At, int Status)>();
        var polling = PollReadinessAsync(cluster, load.Http, readiness, stop.Token);
        var running = load.RunAsync(stop.Token);
        await load.WaitForAcknowledgedAsync(60, "submissions before the crash");

        // An immediate restart with the database away long enough for every silo to notice.
        var crashedAt = load.Http.Now;
        await postgres.Server.CrashAsync();
        await Eventually.Succeeds(async () => await Task.WhenAll(cluster.SiloPorts.Select(cluster.ReadyStatusAsync)), s => s.All(x => x == 503), TimeSpan.FromSeconds(30), "every silo not ready without its database");
        await postgres.Server.RecoverAsync();
        var backAt = load.Http.Now;
        await load.WaitForAcknowledgedAsync(load.Acknowledged + 150, "submissions after the crash");
        await Eventually.Succeeds(async () => await Task.WhenAll(cluster.SiloPorts.Select(cluster.ReadyStatusAsync)), s => s.All(x => x == 200), TimeSpan.FromSeconds(60), "every silo ready again");
        await stop.CancelAsync();
        await running;
        await polling;

        var report = await load.VerifyAsync("PostgreSQL stopped -m immediate and started under submit load", backAt);
        report.Record(output);
        output.WriteLine($"PostgreSQL away for {(backAt - crashedAt).TotalSeconds:F1} s; /readyz answered 503 {readiness.Count(r => r.Status == 503)} times; serving again is counted from its return");
        AssertNothingLost(report, load);
        readiness.Should().Contain(r => r.Status == 503 && r.At >= crashedAt, "a silo without its database is not ready");
        (await Task.WhenAll(cluster.SiloPorts.Select(cluster.ReadyStatusAsync))).Should().OnlyContain(s => s == 200, "and ready again once it is back");
    }

    [Fact]
    public async Task A_rolling_restart_of_every_silo_under_submit_load_loses_nothing()
    {
        await using var cluster = await ChaosCluster.StartAsync(postgres, "chaos_rolling");
        var load = new SubmitLoad(cluster, Workers, "roll");
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token);
        await load.WaitForAcknowledgedAsync(60, "submissions before the rollout");

        var startedAt = load.Http.Now;
        foreach (var silo in cluster.SiloPorts)
        {
            await cluster.StopGracefullyAsync(silo);
            await cluster.RestartAsync(silo);
            await load.WaitForAcknowledgedAsync(load.Acknowledged + 40, $"submissions after silo {silo} came back");
        }

        await stop.CancelAsync();
        await running;
        var report = await load.VerifyAsync("rolling restart of 3 silos (SIGTERM, start) under submit load", startedAt);
        report.Record(output);
        AssertNothingLost(report, load);
    }

    internal static void AssertNothingLost(ChaosReport report, SubmitLoad load)
    {
        report.Acknowledged.Should().BeGreaterThan(0);
        report.Lost.Should().Be(0, "every acknowledged submission is stored");
        report.Duplicated.Should().Be(0, "no submission is scored into the history twice");
        report.Stuck.Should().Be(0, "every stored submission is scored");
        load.Refused.Should().Be(0, "the load is well-formed: only failures a retry absorbs are allowed");
    }

    private static async Task PollReadinessAsync(ChaosCluster cluster, RetryingHttp clock, ConcurrentBag<(TimeSpan, int)> seen, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var silo in cluster.SiloPorts)
            {
                seen.Add((clock.Now, await cluster.ReadyStatusAsync(silo)));
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }
}
