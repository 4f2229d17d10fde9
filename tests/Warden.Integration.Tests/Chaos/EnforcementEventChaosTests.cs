using System.Collections.Concurrent;
using System.Net.Http.Json;
using Warden.Abstractions.Labels;
using Warden.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Warden.Integration.Tests.Chaos;

/// <summary>
/// A client service subscribed to warden.enforcement while labels flip enforcement back and forth and a
/// silo is killed: every stored change reaches it at least once (duplicates allowed, gaps not).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class EnforcementEventChaosTests(DurablePostgres postgres, ITestOutputHelper output) : IClassFixture<DurablePostgres>
{
    private const int Writers = 4;
    private const int EntitiesPerWriter = 10;

    [Fact]
    public async Task Every_enforcement_change_reaches_a_subscriber_across_a_silo_kill()
    {
        await using var cluster = await ChaosCluster.StartAsync(postgres, "chaos_events");
        cluster.KeepClientToProcessEnd = true;
        var received = new ConcurrentQueue<EnforcementChanged>();
        var subscription = await cluster.Client.SubscribeToEnforcementAsync(change =>
        {
            received.Enqueue(change);
            return Task.CompletedTask;
        });
        try
        {
            var http = cluster.NewLoadClient();
            var acknowledged = 0;
            using var stop = new CancellationTokenSource();
            var writing = Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var round = 0; !stop.IsCancellationRequested; round++)
                {
                    for (var e = 0; e < EntitiesPerWriter; e++)
                    {
                        // Block, allow, block …: every applied write moves the enforcement, so every entity version has an event.
                        var label = new
                        {
                            source = new { system = "chaos", kind = "automated", name = "flip" },
                            enforcement = round % 2 == 0 ? "block" : "allow",
                            policy = "spam",
                            createdAt = DateTimeOffset.UtcNow,
                        };
                        using var response = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/entities/pin:flip-{w}-{e}/labels") { Content = JsonContent.Create(label) }, TimeSpan.FromSeconds(60));
                        if (response is { IsSuccessStatusCode: true })
                        {
                            Interlocked.Increment(ref acknowledged);
                        }
                    }
                }
            })));

            await Eventually.Succeeds(() => Task.FromResult(Volatile.Read(ref acknowledged)), n => n >= 200, TimeSpan.FromSeconds(60), "label writes before the kill");
            var killedAt = http.Now;
            await cluster.KillAsync(cluster.SiloPorts[1]);
            var atKill = Volatile.Read(ref acknowledged);
            await Eventually.Succeeds(() => Task.FromResult(Volatile.Read(ref acknowledged)), n => n >= atKill + 300, TimeSpan.FromSeconds(90), "label writes after the kill");
            await stop.CancelAsync();
            await writing;

            // What was stored: each entity's versions 1..v, every one a change of enforcement.
            var stored = new Dictionary<string, int>();
            await using (var command = cluster.Db.CreateCommand("SELECT entity, version FROM entity_labels WHERE entity LIKE 'pin:flip-%'"))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    stored[reader.GetString(0)] = reader.GetInt32(1);
                }
            }

            var expected = stored.SelectMany(s => Enumerable.Range(1, s.Value).Select(v => (s.Key, v))).ToHashSet();
            int Gaps() => expected.Except(received.Select(r => (r.Entity, r.EntityVersion))).Count();
            try
            {
                await Eventually.Succeeds(() => Task.FromResult(Gaps()), g => g == 0, TimeSpan.FromSeconds(90), "every stored change delivered");
            }
            catch (TimeoutException)
            {
                // Reported below with the count.
            }

            var events = received.ToList();
            var duplicates = events.Count - events.Select(e => e.EventId).Distinct().Count();
            var report = new ChaosReport("enforcement subscriber across a SIGKILL while labels flip", acknowledged, Lost: Gaps(), Duplicated: duplicates,
                Stuck: (int)await cluster.CountAsync("SELECT count(*) FROM warden_outbox"), ClientErrors: http.Errors,
                SecondsToServeAgain: ((http.LastServerErrorAt ?? killedAt) - killedAt).TotalSeconds);
            report.Record(output);
            output.WriteLine($"{expected.Count} stored changes, {events.Count} deliveries ({duplicates} repeats, same event id)");
            expected.Count.Should().BeGreaterThanOrEqualTo(acknowledged / 2, "most acknowledged writes changed enforcement");
            report.Lost.Should().Be(0, "no stored change may go undelivered");
            events.Should().OnlyContain(e => e.EventId == EnforcementChanged.IdOf(e.Entity, e.EntityVersion, e.Surface));
        }
        finally
        {
            // After a kill the client may be between gateways; an unsubscribe that cannot reach one must not
            // hide what the test found.
            try
            {
                await subscription.DisposeAsync();
            }
            catch (Orleans.Runtime.OrleansMessageRejectionException error)
            {
                output.WriteLine($"unsubscribe after the test: {error.Message}");
            }
        }
    }
}
