using Warden.Abstractions.Labels;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Scoring;
using Warden.Client;
using Warden.Integration.Tests.Infrastructure;
using Warden.Integration.Tests.Scoring;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Client;

/// <summary>The typed client against a cluster on PostgreSQL: submit, enforcement (single, batch, subscribed) and queue work.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClientOperationsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_service_submits_reads_subscribes_and_reviews_through_the_typed_client()
    {
        var database = await postgres.CreateDatabaseAsync("client_operations");
        await using var cluster = await WardenTestCluster.DeployAsync(database, "client-ops", silos: 1, ScoringFixtures.Settings());
        await SaveAsync(cluster.GrainFactory, Sample("spam"));
        await using var client = await WardenClient.ConnectAsync(new WardenClientOptions
        {
            UseCluster = true,
            ConnectionString = database,
            ServiceId = "client-ops",
            ClusterId = "client-ops-cluster",
        });
        var changed = new TaskCompletionSource<EnforcementChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscription = await client.SubscribeToEnforcementAsync(change =>
        {
            if (change.Entity == "pin:c1" && change.Surface == "home_feed")
            {
                changed.TrySetResult(change);
            }

            return Task.CompletedTask;
        });

        var submitted = await client.SubmitAsync("pin:c1", ScoringFixtures.Text("k1", ScoringFixtures.ClearSpam));
        var change = await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var verdicts = await client.GetVerdictsAsync("home_feed", ["pin:c1", "pin:untouched"]);
        var explained = await client.GetEnforcementAsync("pin:c1", "home_feed");

        submitted.Content!.Verdict!.Strongest.Should().Be(VerdictDecision.Block);
        (await client.GetContentAsync("pin:c1", "k1"))!.Status.Should().Be(ContentStatus.Labelled);
        change.Previous.Should().Be("allow");
        change.Current.Enforcement.Should().Be("block");
        verdicts.Select(v => v.Enforcement).Should().Equal("block", "allow");
        explained.Ranked.Should().Contain(r => r.Label.Source.System == "warden-scoring");

        var enqueued = await client.EnqueueAsync("spam-en", Job("client:1", "pin:c1"));
        var lease = await client.LeaseNextAsync("spam-en", SpamReviewer("ann"));
        var decided = await client.DecideAsync("spam-en", lease!, Decision("ann", ("item", "approve")));

        enqueued.Errors.Should().BeEmpty();
        lease!.JobId.Should().Be(enqueued.JobId);
        decided.Outcome.Should().Be(JobStepOutcome.Final);
        (await client.GetQueueMetricsAsync("spam-en")).Depth.Should().Be(0);
        (await client.GetVerdictAsync("pin:c1", "home_feed")).Enforcement.Should().Be("allow", "the reviewer's approval outranks the model");

        // Unsubscribe, then stop the silos before the client goes: a silo still delivering an event to a
        // disposed client makes the Orleans client throw on a thread-pool thread.
        await subscription.DisposeAsync();
        await cluster.StopAllSilosAsync();
    }
}
