using Orleans.Streams;
using Warden.Abstractions.Events;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Runtime;
using Warden.Integration.Tests.Infrastructure;

namespace Warden.Integration.Tests.Labels;

/// <summary>An event its subscriber keeps failing on becomes a dead letter, which an operator sees and replays.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StreamDeadLetterTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_undeliverable_event_is_dead_lettered_listed_and_replayed_to_a_subscriber_that_recovered()
    {
        // Visibility 5 s, not 2: on a loaded machine the replayed copy could otherwise outlast its visibility while
        // the agent still retried the original, be taken twice and dead-letter again (seen once in CI).
        // Not disposed: the provider's agent may still retry the original delivery to this client, and a message
        // reaching a disposed Orleans client ends the test process; the silos stop at the end, the client stays.
        var cluster = await WardenTestCluster.DeployAsync(await postgres.CreateDatabaseAsync("streams_dead"), "streams-dead", silos: 1,
            new Dictionary<string, string?> { ["Warden:Streams:MaxAttempts"] = "2", ["Warden:Streams:VisibilityTimeout"] = "00:00:05" });
        var stream = cluster.Client.GetStreamProvider(WardenProviders.Streams).GetStream<EnforcementChanged>(StreamId.Create("test.poison", "0"));
        var healthy = false;
        var failures = 0;
        var delivered = new TaskCompletionSource<EnforcementChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        await stream.SubscribeAsync((change, _) =>
        {
            if (!Volatile.Read(ref healthy))
            {
                Interlocked.Increment(ref failures);
                throw new InvalidOperationException("the subscriber is down");
            }

            delivered.TrySetResult(change);
            return Task.CompletedTask;
        });

        var decision = new EnforcementDecision { Entity = "pin:p1", Surface = "home_feed", Enforcement = "block" };
        await stream.OnNextAsync(new EnforcementChanged("pin:p1", "home_feed", "allow", decision) { EventId = "pin:p1/1/home_feed", EntityVersion = 1 });

        var letters = cluster.Client.GetGrain<IStreamDeadLettersGrain>(IStreamDeadLettersGrain.DefaultKey);
        await Eventually.Succeeds(letters.Count, n => n == 1, Patience, "the event dead-lettered after its attempts");
        var listed = (await letters.List(0, 10)).Should().ContainSingle().Subject;
        listed.Provider.Should().Be(WardenProviders.Streams);
        listed.Attempts.Should().BeGreaterThanOrEqualTo(1);
        failures.Should().BeGreaterThan(0);

        Volatile.Write(ref healthy, true);
        (await letters.Replay([listed.MessageId])).Should().Be(1);
        var replayed = await delivered.Task.WaitAsync(Patience);
        replayed.EventId.Should().Be("pin:p1/1/home_feed", "a replay carries the original event, id included");
        (await letters.Count()).Should().Be(0);
        await cluster.StopSilosBeforeClientAsync();
    }
}
