using Warden.Abstractions.Actions;
using Warden.Abstractions.Reviews;
using Warden.Integration.Tests.Infrastructure;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Reviews;

/// <summary>Decided actions delivered to real local webhooks: retried with backoff by reminders, dead-lettered after the limit.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ActionDeliveryTests(PostgresFixture postgres)
{
    [Fact]
    public async Task An_action_is_retried_until_the_receiver_accepts_it_and_dead_lettered_after_the_limit()
    {
        await using var flaky = await WebhookReceiver.StartAsync(failures: 2);
        await using var down = await WebhookReceiver.StartAsync(failures: 0);
        down.Accepting = false;
        await using var cluster = await WardenTestCluster.DeployAsync(await postgres.CreateDatabaseAsync("actions_retry"), "actions-retry", silos: 1, new Dictionary<string, string?>
        {
            ["Warden:Actions:Endpoints:pin/remove"] = flaky.Url("pins/remove"),
            ["Warden:Actions:Endpoints:user/*"] = down.Url("users"),
            ["Warden:Actions:MaxAttempts"] = "3",
            ["Warden:Actions:InitialBackoff"] = "00:00:01",
            ["Warden:Actions:MaxBackoff"] = "00:00:02",
        });
        var queue = await SaveAsync(cluster.GrainFactory, Sample("spam"));
        await queue.Enqueue(Job("report:1", "pin:3", owner: "user:4"));

        var (lease, _) = await LeaseAndDecideAsync(queue, SpamReviewer("ann"), ("item", "remove"), ("owner", "suspend"));
        var job = cluster.GrainFactory.GetGrain<IReviewJobGrain>(lease.JobId);
        var settled = await Eventually.Succeeds(job.GetDetails, d => d.Actions.All(a => a.State != ActionDeliveryState.Pending), TimeSpan.FromSeconds(30), "both actions settling");

        var remove = settled.Actions.Single(a => a.Action == "remove");
        var suspend = settled.Actions.Single(a => a.Action == "suspend");
        (remove.State, remove.Attempts).Should().Be((ActionDeliveryState.Delivered, 3));
        flaky.Received.Select(r => r.Key).Should().Equal(Enumerable.Repeat(remove.IdempotencyKey, 3), "every retry carries the same idempotency key");
        flaky.Received[0].Body.Should().Contain("\"entity\":\"pin:3\"").And.Contain("\"action\":\"remove\"");
        (suspend.State, suspend.Attempts).Should().Be((ActionDeliveryState.DeadLettered, 3));
        suspend.LastError.Should().Contain("503");
        var deadLetters = cluster.GrainFactory.GetGrain<IActionDeadLetterGrain>(IActionDeadLetterGrain.DefaultKey);
        (await deadLetters.List(0, 10)).Should().ContainSingle().Which.IdempotencyKey.Should().Be(suspend.IdempotencyKey);

        down.Accepting = true;
        (await deadLetters.Retry(suspend.IdempotencyKey)).Should().BeTrue();
        var retried = await Eventually.Succeeds(job.GetDetails, d => d.Actions.Single(a => a.Action == "suspend").State == ActionDeliveryState.Delivered, TimeSpan.FromSeconds(10), "the operator's retry");
        (await deadLetters.List(0, 10)).Should().BeEmpty();
        retried.History.Select(h => h.Kind).Should().Contain(["action-retry", "action-delivered"]);
    }
}
