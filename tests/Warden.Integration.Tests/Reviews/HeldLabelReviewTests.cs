using Warden.Abstractions.Labels;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Integration.Tests.Infrastructure;
using static Warden.Integration.Tests.Labels.LabelFixtures;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Reviews;

/// <summary>A severe automated label on a trusted entity is held, routed to a queue as a job, and decided by a human.</summary>
[Collection(PostgresCollection.Name)]
public sealed class HeldLabelReviewTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_held_label_becomes_a_routed_job_and_the_reviewers_decision_settles_the_hold()
    {
        await using var cluster = await WardenTestCluster.DeployAsync(await postgres.CreateDatabaseAsync("reviews_held"), "reviews-held", silos: 1);
        var queue = await SaveAsync(cluster.GrainFactory, Sample("spam"));
        var routing = cluster.GrainFactory.GetGrain<IRoutingGrain>(IRoutingGrain.DefaultKey);
        var refused = await routing.SetTable(new RoutingTable { Rules = [new RoutingRule { Queue = "Spam EN" }] }, 0, "user:lead");
        (await routing.SetTable(new RoutingTable { Rules = [new RoutingRule { Queue = "spam-en", ReportReason = "held-label", Policy = "spam", Priority = 7 }] }, 0, "user:lead"))
            .Should().BeEmpty();
        var partner = cluster.GrainFactory.GetGrain<IEntityGrain>("user:partner");
        await partner.SetTrusted(true, "user:lead");

        (await partner.WriteLabel(Automated("block", "spam", DateTimeOffset.UtcNow), "svc:spam")).Outcome.Should().Be(LabelWriteOutcome.Held);

        refused.Should().ContainSingle().Which.Field.Should().Be("Rules[0].Queue");
        var lease = (await queue.LeaseNext(SpamReviewer("ann")))!;
        var job = await cluster.GrainFactory.GetGrain<IReviewJobGrain>(lease.JobId).GetDetails();
        job.Request!.Reason.Should().Be("held-label");
        job.Request.Priority.Should().Be(7);
        job.Objects.Single().Fields["held labels"].Should().Be("1");
        var decided = await queue.Decide(lease.JobId, lease.Token, Decision("ann", ("item", "no_action")));
        decided.Outcome.Should().Be(JobStepOutcome.Final);
        (await partner.GetLabels()).Held.Should().HaveCount(1, "no_action writes no label, so the hold stands");

        await queue.Enqueue(Job("second-look", "user:partner"));
        var again = (await queue.LeaseNext(SpamReviewer("bob")))!;
        (await queue.Decide(again.JobId, again.Token, Decision("bob", ("item", "suspend")))).Outcome.Should().Be(JobStepOutcome.Final);
        var labels = await partner.GetLabels();
        labels.Held.Should().BeEmpty();
        labels.Live.Select(l => l.Source.System).Should().BeEquivalentTo(["spam-model", "warden-review"], "suspend (block) confirms the held block");
        (await partner.GetHistory(10)).Select(h => h.Kind).Should().Contain(LabelChangeKind.Released);
    }
}
