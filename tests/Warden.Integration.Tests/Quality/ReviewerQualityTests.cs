using Warden.Abstractions.Labels;
using Warden.Abstractions.Quality;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Integration.Tests.Infrastructure;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Quality;

/// <summary>Golden jobs mixed in, scored and never acted on; agreement with consensus per reviewer.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReviewerQualityTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Golden_copies_are_scored_per_reviewer_and_queue_and_leave_no_trace_in_labels_or_the_log()
    {
        var database = await postgres.CreateDatabaseAsync("quality_golden");
        await using var cluster = await WardenTestCluster.DeployAsync(database, "quality-golden", silos: 1);
        var grains = cluster.GrainFactory;
        var spam = await SaveAsync(grains, Sample("spam") with { GoldenRate = 1.0 });
        var quality = grains.GetGrain<IReviewerQualityGrain>("spam-en");
        var template = Job("golden-template", "pin:golden");
        (await quality.AddGolden(new GoldenJob { Id = "obvious-spam", Request = template, Expected = [new ObjectAction("item", "remove")] }, (await spam.GetConfig())!))
            .Should().BeEmpty();
        (await quality.AddGolden(new GoldenJob { Id = "Bad Id", Request = template, Expected = [new ObjectAction("item", "fly")] }, (await spam.GetConfig())!))
            .Select(e => e.Field).Should().BeEquivalentTo(["Actions", "Id"]);

        // Every enqueue mixes in a golden copy at rate 1; each reviewer decides by looking, as reviewers do.
        async Task WorkAsync(string reviewer, string onGolden)
        {
            while (await spam.LeaseNext(SpamReviewer(reviewer)) is { } lease)
            {
                var details = await grains.GetGrain<IReviewJobGrain>(lease.JobId).GetDetails();
                var golden = details.Request!.Objects[0].Entity == "pin:golden";
                if (golden)
                {
                    // Nothing but its content tells a copy apart: not its key, not who filed it.
                    details.Request.Key.Should().NotContainEquivalentOf("golden");
                    lease.JobId.Should().NotContainEquivalentOf("golden");
                    details.Request.Actor.Should().Be("svc:reports", "a copy is filed by the actor of the job it was mixed in beside");
                }

                var action = golden ? onGolden : "approve";
                (await spam.Decide(lease.JobId, lease.Token, Decision(reviewer, ("item", action)) with { Policies = ["spam"] })).Outcome.Should().Be(JobStepOutcome.Final);
            }
        }

        await spam.Enqueue(Job("report:n1", "pin:n1"));
        (await spam.GetMetrics()).Depth.Should().Be(2);
        await WorkAsync("ann", onGolden: "remove");
        await spam.Enqueue(Job("report:n2", "pin:n2"));
        await WorkAsync("bob", onGolden: "approve");

        var report = await quality.Report(DateTimeOffset.UtcNow.AddDays(-1));
        report.Reviewers.Select(r => (r.Reviewer, r.GoldenJobs, r.GoldenCorrect)).Should().BeEquivalentTo([("ann", 1, 1), ("bob", 1, 0)]);
        (report.GoldenJobs, report.GoldenCorrect, report.GoldenAccuracy).Should().Be((2, 1, 0.5));
        (await grains.GetGrain<IEntityGrain>("pin:golden").GetLabels()).Live.Should().BeEmpty("a golden decision is scored, never acted on");
        (await grains.GetGrain<IDecisionHistoryGrain>(0).ForEntity("pin:golden", 10)).Should().BeEmpty("golden copies stay out of the log and the training export");
        (await grains.GetGrain<IEntityGrain>("pin:n1").GetLabels()).Live.Should().ContainSingle().Which.Enforcement.Should().Be("allow");
    }

    [Fact]
    public async Task Agreement_with_consensus_is_tracked_per_reviewer_on_multi_review_queues()
    {
        var database = await postgres.CreateDatabaseAsync("quality_agreement");
        await using var cluster = await WardenTestCluster.DeployAsync(database, "quality-agreement", silos: 1);
        var grains = cluster.GrainFactory;
        var adult = await SaveAsync(grains, Sample("adult-content"));
        Reviewer[] reviewers = [new("ann", ["adult-reviewers"]), new("bob", ["adult-reviewers"]), new("cat", ["adult-reviewers"])];
        await adult.Enqueue(Job("report:q1", "pin:q1"));
        await adult.Enqueue(Job("report:q2", "pin:q2"));
        // Two of three settle a job: q1 needs bob after ann and cat split; q2 is settled by ann and cat.
        foreach (var (reviewer, onQ1, onQ2) in new[] { (reviewers[0], "remove", "limit"), (reviewers[2], "approve", "limit"), (reviewers[1], "remove", "limit") })
        {
            while (await adult.LeaseNext(reviewer) is { } lease)
            {
                var job = await grains.GetGrain<IReviewJobGrain>(lease.JobId).GetDetails();
                var chosen = job.Request!.Objects[0].Entity == "pin:q1" ? onQ1 : onQ2;
                (await adult.Decide(lease.JobId, lease.Token, Decision(reviewer.Id, ("item", chosen)) with { Labels = ["explicit"], Policies = ["porn"] })).Errors.Should().BeEmpty();
            }
        }

        var report = await grains.GetGrain<IReviewerQualityGrain>("adult-content").Report(DateTimeOffset.UtcNow.AddDays(-1));

        report.Reviewers.Select(r => (r.Reviewer, r.ConsensusJobs, r.AgreedWithConsensus)).Should().BeEquivalentTo([("ann", 2, 2), ("bob", 1, 1), ("cat", 2, 1)]);
        report.Reviewers.Single(r => r.Reviewer == "cat").Agreement.Should().Be(0.5);
    }
}
