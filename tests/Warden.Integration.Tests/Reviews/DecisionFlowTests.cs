using Npgsql;
using Orleans.TestingHost;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Integration.Tests.Infrastructure;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Reviews;

/// <summary>Decisions, consensus, passing, escalation and SLA on a silo with PostgreSQL storage.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DecisionFlowTests(PostgresFixture postgres)
{
    private static readonly Reviewer[] AdultReviewers = [new("ann", ["adult-reviewers"]), new("bob", ["adult-reviewers"]), new("cat", ["adult-reviewers"])];

    [Fact]
    public async Task A_decision_needs_the_live_lease_and_a_fit_with_the_config_and_a_refusal_keeps_the_lease()
    {
        await using var cluster = await DeployAsync("reviews_refused");
        var queue = await SaveAsync(cluster.GrainFactory, Sample("spam"));
        await queue.Enqueue(Job("report:1", owner: "user:5"));
        var lease = (await queue.LeaseNext(SpamReviewer("ann")))!;

        var wrongToken = await queue.Decide(lease.JobId, "guess", Decision("ann", ("item", "remove")));
        var wrongReviewer = await queue.Decide(lease.JobId, lease.Token, Decision("bob", ("item", "remove")));
        var misfit = await queue.Decide(lease.JobId, lease.Token, Decision("ann", ("item", "suspend"), ("board", "hide")) with { Labels = ["cute"] });

        wrongToken.Errors.Should().ContainSingle().Which.Field.Should().Be("Token");
        wrongReviewer.Errors.Should().ContainSingle().Which.Message.Should().Contain("belongs to ann");
        misfit.Errors.Select(e => e.Message).Should().Contain(m => m.Contains("'suspend' is not allowed on pin"))
            .And.Contain(m => m.Contains("no board")).And.Contain(m => m.Contains("unknown label 'cute'"));
        (await queue.Renew(lease.JobId, lease.Token)).Outcome.Should().Be(JobStepOutcome.Recorded, "the lease stays after a refusal");
        var job = await cluster.GrainFactory.GetGrain<IReviewJobGrain>(lease.JobId).GetDetails();
        job.Decisions.Should().BeEmpty();
    }

    [Fact]
    public async Task A_final_decision_writes_human_labels_logs_every_row_and_leaves_the_queue()
    {
        var database = await postgres.CreateDatabaseAsync("reviews_final");
        await using var cluster = await WardenTestCluster.DeployAsync(database, "reviews-final", silos: 1);
        var queue = await SaveAsync(cluster.GrainFactory, Sample("spam"));
        await queue.Enqueue(Job("report:1", "pin:77", owner: "user:5"));
        using var meters = new QueueMeterRecorder("spam-en");

        var (lease, result) = await LeaseAndDecideAsync(queue, SpamReviewer("ann"), ("item", "remove"), ("owner", "warn"));

        result.Outcome.Should().Be(JobStepOutcome.Final);
        var pin = await cluster.GrainFactory.GetGrain<IEntityGrain>("pin:77").GetEnforcement("home_feed");
        pin.Enforcement.Should().Be("block");
        pin.Winner!.Source.Should().Be(new LabelSource("warden-review", SourceKind.Human, "spam-en"));
        pin.Winner.Policy.Should().Be("spam", "the queue's only policy");
        (await cluster.GrainFactory.GetGrain<IEntityGrain>("user:5").GetLabels()).Live.Should().BeEmpty("warn writes no label, it is only dispatched");
        var details = await cluster.GrainFactory.GetGrain<IReviewJobGrain>(lease.JobId).GetDetails();
        details.Status.Should().Be(JobStatus.Decided);
        details.History.Select(h => h.Kind).Should().StartWith(["opened", "decided", "final"]);
        details.Actions.Select(a => (a.Object.Entity, a.Action, a.State)).Should().BeEquivalentTo(
            [("pin:77", "remove", Abstractions.Actions.ActionDeliveryState.NoEndpoint), ("user:5", "warn", Abstractions.Actions.ActionDeliveryState.NoEndpoint)]);
        details.Objects.Select(o => o.Object.Entity).Should().Equal("pin:77", "user:5");
        var metrics = await queue.GetMetrics();
        (metrics.Depth, metrics.DecisionsLastHour).Should().Be((0, 1));
        meters.Sum("warden.queue.decisions").Should().Be(1);
        meters.Sum("warden.queue.leases").Should().Be(1);
        await Eventually.Succeeds(() => Task.FromResult(meters.Observe("warden.queue.depth")), depth => depth == 0, TimeSpan.FromSeconds(5), "the depth gauge");

        var history = cluster.GrainFactory.GetGrain<IDecisionHistoryGrain>(0);
        (await history.ForJob(lease.JobId)).Select(r => (r.Kind, r.Reviewer, r.ConfigVersion)).Should().BeEquivalentTo([("review", "ann", 1), ("final", "ann", 1)]);
        (await history.ForEntity("user:5", 10)).Should().HaveCount(2);
        await using var db = NpgsqlDataSource.Create(database);
        await using var count = db.CreateCommand("SELECT count(*) FROM queue_jobs");
        ((long)(await count.ExecuteScalarAsync())!).Should().Be(0);
    }

    [Fact]
    public async Task Two_of_three_settle_on_agreement_and_disagreement_escalates_with_priority_raised()
    {
        await using var cluster = await DeployAsync("reviews_consensus");
        await SaveAsync(cluster.GrainFactory, Sample("escalations"));
        var queue = await SaveAsync(cluster.GrainFactory, Sample("adult-content"));
        await queue.Enqueue(Job("agree", "pin:1"));
        var remove = Decision("x", ("item", "remove")) with { Labels = ["explicit"], Policies = ["porn"] };
        var approve = Decision("x", ("item", "approve")) with { Labels = ["explicit", "safe"], Policies = ["porn"] };

        var agreed = new List<JobStepResult>();
        foreach (var reviewer in AdultReviewers[..2])
        {
            var lease = (await queue.LeaseNext(reviewer))!;
            agreed.Add(await queue.Decide(lease.JobId, lease.Token, remove with { Reviewer = reviewer.Id }));
        }

        await queue.Enqueue(Job("disagree", "pin:2"));
        var split = new List<JobStepResult>();
        foreach (var (reviewer, decision) in AdultReviewers.Zip([remove, approve, Decision("x", ("item", "limit")) with { Labels = ["explicit"], Policies = ["porn"] }]))
        {
            var lease = (await queue.LeaseNext(reviewer))!;
            split.Add(await queue.Decide(lease.JobId, lease.Token, decision with { Reviewer = reviewer.Id }));
        }

        agreed.Select(r => r.Outcome).Should().Equal(JobStepOutcome.Recorded, JobStepOutcome.Final);
        (await cluster.GrainFactory.GetGrain<IEntityGrain>("pin:1").GetVerdict("home_feed")).Enforcement.Should().Be("block");
        split.Select(r => r.Outcome).Should().Equal(JobStepOutcome.Recorded, JobStepOutcome.Recorded, JobStepOutcome.Disagreed);
        split[^1].MovedTo.Should().Be("escalations");
        var escalations = cluster.GrainFactory.GetGrain<IQueueGrain>("escalations");
        (await escalations.GetMetrics()).Depth.Should().Be(1);
        var moved = (await escalations.LeaseNext(new Reviewer("lead", ["leads"])))!;
        var job = await cluster.GrainFactory.GetGrain<IReviewJobGrain>(moved.JobId).GetDetails();
        job.Queue.Should().Be("escalations");
        job.Decisions.Should().HaveCount(3, "every individual decision is kept");
        job.History.Select(h => h.Kind).Should().Contain("disagreed");
        (await queue.GetMetrics()).Depth.Should().Be(0);
    }

    [Fact]
    public async Task Passing_and_escalating_move_a_leased_job_with_its_reason()
    {
        await using var cluster = await DeployAsync("reviews_moves");
        await SaveAsync(cluster.GrainFactory, Sample("escalations"));
        await SaveAsync(cluster.GrainFactory, Sample("adult-content"));
        var spam = await SaveAsync(cluster.GrainFactory, Sample("spam"));
        await spam.Enqueue(Job("a", "pin:1"));
        await spam.Enqueue(Job("b", "pin:2"));
        var first = (await spam.LeaseNext(SpamReviewer("ann")))!;
        var second = (await spam.LeaseNext(SpamReviewer("ann")))!;

        var notAllowed = await spam.Pass(first.JobId, first.Token, "escalations", "wrong place");
        var noReason = await spam.Pass(first.JobId, first.Token, "adult-content", " ");
        var passed = await spam.Pass(first.JobId, first.Token, "adult-content", "nudity, not spam");
        var escalated = await spam.Escalate(second.JobId, second.Token, "possible CSAM — needs a lead");

        notAllowed.Errors.Should().ContainSingle().Which.Message.Should().Contain("adult-content");
        noReason.Errors.Should().ContainSingle().Which.Field.Should().Be("Reason");
        (passed.MovedTo, escalated.MovedTo).Should().Be(("adult-content", "escalations"));
        (await spam.GetMetrics()).Depth.Should().Be(0);
        (await cluster.GrainFactory.GetGrain<IQueueGrain>("adult-content").LeaseNext(AdultReviewers[0]))!.JobId.Should().Be(first.JobId);
        var job = await cluster.GrainFactory.GetGrain<IReviewJobGrain>(second.JobId).GetDetails();
        job.History[^1].Should().Match<JobEvent>(e => e.Kind == "escalated" && e.Actor == "ann" && e.Detail!.Contains("needs a lead"));
        (await spam.Decide(second.JobId, second.Token, Decision("ann", ("item", "remove")))).Errors.Should().ContainSingle().Which.Field.Should().Be("Token");
    }

    [Fact]
    public async Task The_sla_reminder_flags_counts_and_escalates_jobs_past_the_target()
    {
        await using var cluster = await DeployAsync("reviews_sla");
        await SaveAsync(cluster.GrainFactory, Sample("escalations"));
        var spam = await SaveAsync(cluster.GrainFactory, Sample("spam") with { TargetHandlingTime = TimeSpan.FromSeconds(2), EscalateOnSlaBreach = true });
        var opened = await spam.Enqueue(Job("late", "pin:9", priority: 3));

        var metrics = await Eventually.Succeeds(spam.GetMetrics, m => m.SlaBreachesTotal == 1 && m.Depth == 0, TimeSpan.FromSeconds(20), "the SLA breach");

        metrics.SlaBreachesTotal.Should().Be(1);
        var job = await cluster.GrainFactory.GetGrain<IReviewJobGrain>(opened.JobId!).GetDetails();
        job.Queue.Should().Be("escalations");
        job.History.Select(h => h.Kind).Should().ContainInOrder("sla-breach", "escalated");
        (await cluster.GrainFactory.GetGrain<IQueueGrain>("escalations").GetMetrics()).Depth.Should().Be(1);
    }

    private async Task<TestCluster> DeployAsync(string database) =>
        await WardenTestCluster.DeployAsync(await postgres.CreateDatabaseAsync(database), database.Replace('_', '-'), silos: 1);
}
