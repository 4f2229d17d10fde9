using Orleans.TestingHost;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Integration.Tests.Infrastructure;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Reviews;

/// <summary>Queue configs, enqueue and leasing on a silo with PostgreSQL storage.</summary>
[Collection(PostgresCollection.Name)]
public sealed class QueueLeasingTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Every_config_version_is_kept_and_a_stale_or_invalid_save_is_refused()
    {
        await using var cluster = await DeployAsync("queues_config");
        var spam = Sample("spam");
        var queue = await SaveAsync(cluster.GrainFactory, spam);

        var stale = await queue.SaveConfig(spam with { TargetHandlingTime = TimeSpan.FromHours(1) }, 0, "user:lead");
        var invalid = await queue.SaveConfig(spam with { Policies = ["spma"], ReviewerGroups = [], MultiReview = new MultiReviewConfig { Reviewers = 0 } }, 1, "user:lead");
        var second = await queue.SaveConfig(spam with { TargetHandlingTime = TimeSpan.FromHours(1) }, 1, "user:lead2");

        stale.Errors.Should().ContainSingle().Which.Field.Should().Be("Version");
        invalid.Errors.Select(e => e.Field).Should().Contain(["Policies", "ReviewerGroups", "MultiReview.Reviewers"]);
        second.Version.Should().Be(2);
        (await queue.GetConfigVersion(1))!.TargetHandlingTime.Should().Be(TimeSpan.FromHours(4));
        (await queue.GetConfigVersions()).Select(v => (v.Version, v.SavedBy)).Should().Equal((1, "user:lead"), (2, "user:lead2"));
        var directory = cluster.GrainFactory.GetGrain<IQueueDirectoryGrain>(IQueueDirectoryGrain.DefaultKey);
        (await directory.ListFor(["spam-reviewers"])).Should().ContainSingle().Which.Version.Should().Be(2);
        (await directory.ListFor(["adult-reviewers"])).Should().BeEmpty();
    }

    [Fact]
    public async Task Enqueue_is_idempotent_by_key_and_bad_requests_are_refused_with_every_field()
    {
        await using var cluster = await DeployAsync("queues_enqueue");
        var queue = await SaveAsync(cluster.GrainFactory, Sample("spam"));

        var first = await queue.Enqueue(Job("report:1"));
        var again = await queue.Enqueue(Job("report:1") with { Priority = 9 });
        var bad = await queue.Enqueue(Job("report:2") with { Objects = [new ReviewObject("victim", "pin:1"), new ReviewObject("owner", "widget:1")], Actor = "" });
        var unconfigured = await cluster.GrainFactory.GetGrain<IQueueGrain>("nowhere").Enqueue(Job("report:3"));

        first.Created.Should().BeTrue();
        again.Should().BeEquivalentTo(first with { Created = false });
        bad.Errors.Select(e => e.Field).Should().BeEquivalentTo(["Actor", "Objects.Role", "Objects[owner].Entity"]);
        unconfigured.Errors.Should().ContainSingle().Which.Message.Should().Contain("no config");
        (await queue.GetMetrics()).Depth.Should().Be(1);
    }

    [Fact]
    public async Task Jobs_go_out_by_priority_then_age_one_reviewer_each_and_only_to_the_queues_groups()
    {
        await using var cluster = await DeployAsync("queues_lease");
        var queue = await SaveAsync(cluster.GrainFactory, Sample("spam"));
        for (var i = 0; i < 10; i++)
        {
            await queue.Enqueue(Job($"report:{i}", $"pin:{i}", priority: i == 7 ? 5 : 0));
        }

        var leases = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => queue.LeaseNext(SpamReviewer($"r{i}"))));
        var outsider = () => queue.LeaseNext(new Reviewer("mallory", ["adult-reviewers"]));

        var granted = leases.Where(l => l is not null).Select(l => l!).ToList();
        granted.Should().HaveCount(10);
        granted.Select(l => l.JobId).Should().OnlyHaveUniqueItems("two reviewers never hold the same job");
        var first = await queue.LeaseNext(SpamReviewer("late"));
        first.Should().BeNull();
        (await outsider.Should().ThrowAsync<UnauthorizedAccessException>()).Which.Message.Should().Contain("spam-reviewers");
        var metrics = await queue.GetMetrics();
        (metrics.Depth, metrics.Leased).Should().Be((10, 10));
    }

    [Fact]
    public async Task A_lapsed_lease_returns_the_job_within_a_second_and_a_decided_job_is_not_offered_again()
    {
        await using var cluster = await DeployAsync("queues_lapse");
        var config = Sample("adult-content") with { LeaseDuration = TimeSpan.FromSeconds(2) };
        await SaveAsync(cluster.GrainFactory, Sample("escalations"));
        var queue = await SaveAsync(cluster.GrainFactory, config);
        await queue.Enqueue(Job("report:1"));
        var ann = new Reviewer("ann", ["adult-reviewers"]);
        var bob = new Reviewer("bob", ["adult-reviewers"]);

        var lease = (await queue.LeaseNext(ann))!;
        (await queue.LeaseNext(bob)).Should().BeNull();
        var returned = await Eventually.Succeeds(() => queue.LeaseNext(bob), l => l is not null, TimeSpan.FromSeconds(10), "the lapsed job coming back");

        DateTimeOffset.UtcNow.Should().BeBefore(lease.Deadline.AddSeconds(1.5), "a lapse returns the job within a second (plus polling)");
        (await queue.Decide(lease.JobId, lease.Token, Decision("ann", ("item", "remove")) with { Labels = ["explicit"], Policies = ["porn"] }))
            .Errors.Should().ContainSingle().Which.Field.Should().Be("Token");
        var decided = await queue.Decide(returned!.JobId, returned.Token, Decision("bob", ("item", "remove")) with { Labels = ["explicit"], Policies = ["porn"] });
        decided.Outcome.Should().Be(JobStepOutcome.Recorded, "adult content needs two of three");
        (await queue.LeaseNext(bob)).Should().BeNull("bob decided it already");
        (await queue.LeaseNext(ann))!.JobId.Should().Be(lease.JobId);
    }

    [Fact]
    public async Task A_lease_survives_a_restart_of_the_whole_cluster_and_its_token_still_decides()
    {
        var database = await postgres.CreateDatabaseAsync("queues_restart");
        JobLease lease;
        await using (var first = await WardenTestCluster.DeployAsync(database, "queues-restart", silos: 1))
        {
            var queue = await SaveAsync(first.GrainFactory, Sample("spam"));
            await queue.Enqueue(Job("report:1", "pin:1"));
            await queue.Enqueue(Job("report:2", "pin:2"));
            lease = (await queue.LeaseNext(SpamReviewer("ann")))!;
            await first.StopAllSilosAsync();
        }

        await using var second = await WardenTestCluster.DeployAsync(database, "queues-restart", silos: 1);
        var restarted = second.GrainFactory.GetGrain<IQueueGrain>("spam-en");

        (await restarted.GetMetrics()).Should().Match<QueueMetrics>(m => m.Depth == 2 && m.Leased == 1);
        (await restarted.LeaseNext(SpamReviewer("bob")))!.JobId.Should().NotBe(lease.JobId, "ann's lease was stored");
        (await restarted.Decide(lease.JobId, lease.Token, Decision("ann", ("item", "remove")))).Outcome.Should().Be(JobStepOutcome.Final);
    }

    [Fact]
    public async Task A_write_behind_lease_is_stored_without_being_awaited_and_honoured_by_the_next_activation()
    {
        var database = await postgres.CreateDatabaseAsync("queues_write_behind");
        await using var cluster = await WardenTestCluster.DeployAsync(database, "queues-write-behind", silos: 1,
            settings: new Dictionary<string, string?> { ["Warden:Queues:Leases"] = "WriteBehind" });
        var queue = await SaveAsync(cluster.GrainFactory, Sample("spam"));
        await queue.Enqueue(Job("report:1"));
        await queue.Enqueue(Job("report:2", "pin:2"));

        var lease = (await queue.LeaseNext(SpamReviewer("ann")))!;
        // Every activation goes (the queue's included) and comes back from what was stored.
        var management = cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        await Eventually.Succeeds(async () => (await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.Contains("QueueGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount),
            count => count == 0, TimeSpan.FromSeconds(30), "the queue's activation collected");

        var metrics = await queue.GetMetrics();
        (metrics.Depth, metrics.Leased).Should().Be((2, 1), "the lease was stored behind the answer");
        (await queue.Decide(lease.JobId, lease.Token, Decision("ann", ("item", "remove")))).Outcome.Should().Be(JobStepOutcome.Final);
        (await queue.LeaseNext(SpamReviewer("bob")))!.JobId.Should().NotBe(lease.JobId);
    }

    private async Task<TestCluster> DeployAsync(string database) =>
        await WardenTestCluster.DeployAsync(await postgres.CreateDatabaseAsync(database), database.Replace('_', '-'), silos: 1);
}
