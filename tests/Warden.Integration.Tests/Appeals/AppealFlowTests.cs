using Npgsql;
using Orleans.TestingHost;
using Warden.Abstractions.Appeals;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Policies;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Abstractions.Strikes;
using Warden.Grains.Reviews;
using Warden.Integration.Tests.Infrastructure;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Appeals;

/// <summary>Appeals upheld and overturned, with enforcement on two surfaces before and after, the log and export, and strikes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AppealFlowTests(PostgresFixture postgres)
{
    private static readonly Reviewer AppealsReviewer = new("aria", ["appeals-reviewers"]);
    private static readonly string[] Surfaces = ["home_feed", "search"];

    [Fact]
    public async Task An_overturn_lifts_a_human_enforcement_everywhere_marks_the_decision_and_takes_back_the_strike()
    {
        var database = await postgres.CreateDatabaseAsync("appeals_overturn");
        await using var cluster = await WardenTestCluster.DeployAsync(database, "appeals-overturn", silos: 1);
        var grains = cluster.GrainFactory;
        await UseStrikesAsync(grains, spamWeight: 2, lifetime: null);
        var spam = await SaveAsync(grains, Sample("spam"));
        var appeals = await SaveAsync(grains, Sample("appeals"));
        await spam.Enqueue(Job("report:a1", "pin:a1", owner: "user:o1"));
        var (original, _) = await LeaseAndDecideAsync(spam, SpamReviewer("ann"), ("item", "remove"));

        (await EnforcementAsync(grains, "pin:a1")).Should().Equal("block", "block");
        var strikes = await grains.GetGrain<IStrikesGrain>("user:o1").Get();
        (strikes.ActiveTotal, strikes.AccountEnforcement).Should().Be((2, "limit"));
        (await grains.GetGrain<IEntityGrain>("user:o1").GetEnforcement("home_feed")).Winner!.Source.System.Should().Be("warden-strikes");

        var filed = await grains.GetGrain<IAppealsGrain>("pin:a1").File(new AppealRequest { Appellant = "user:o1", Statement = "This is my own craft shop, not spam." });
        filed.Errors.Should().BeEmpty();
        var again = await grains.GetGrain<IAppealsGrain>("pin:a1").File(new AppealRequest { Appellant = "user:o1", Statement = "Please look again." });
        again.Errors.Should().ContainSingle().Which.Message.Should().Be($"appeal {filed.Appeal!.Id} of this enforcement is open already");

        // The appeal job shows the reviewer every system that acted and why the Pin is enforced.
        var lease = (await appeals.LeaseNext(AppealsReviewer))!;
        var job = await grains.GetGrain<IReviewJobGrain>(lease.JobId).GetExplainedDetails();
        job.Request!.Reports.Should().ContainSingle().Which.Text.Should().Be("This is my own craft shop, not spam.");
        var item = job.Objects.Single();
        item.Explanation!.Select(e => (e.Surface, e.Enforcement)).Should().Contain([("home_feed", "block"), ("search", "block")]);
        item.History!.Should().Contain(c => c.Label.Source.Key == "human/warden-review/spam-en" && c.Actor == "ann");

        var decided = await appeals.Decide(lease.JobId, lease.Token, new ReviewDecision { Reviewer = "aria", Actions = [new ObjectAction("item", "overturn")], Labels = ["policy misapplied"], Note = "handmade goods" });
        decided.Outcome.Should().Be(JobStepOutcome.Final);

        (await EnforcementAsync(grains, "pin:a1")).Should().Equal("allow", "allow");
        var after = await grains.GetGrain<IEntityGrain>("pin:a1").GetEnforcement("search");
        after.Winner!.Source.Key.Should().Be("human/appeals/appeals");
        after.Ranked.Select(r => r.Label.Source.Key).Should().Contain("human/warden-review/spam-en", "the overturned label stays, outranked");
        var appeal = (await grains.GetGrain<IAppealsGrain>("pin:a1").List()).Single();
        (appeal.Status, appeal.DecidedBy, appeal.Note).Should().Be((AppealStatus.Overturned, "aria", "handmade goods"));

        var rows = await grains.GetGrain<IDecisionHistoryGrain>(0).ForJob(original.JobId);
        rows.Should().HaveCount(2).And.OnlyContain(r => r.OverturnedBy == appeal.Id);
        var export = await ExportAsync(database);
        export.Should().Contain(line => line.Contains(original.JobId) && line.Contains("\"hardExample\":true") && line.Contains(appeal.Id));
        export.Should().Contain(line => line.Contains(lease.JobId) && line.Contains("\"hardExample\":false"));

        strikes = await grains.GetGrain<IStrikesGrain>("user:o1").Get();
        (strikes.ActiveTotal, strikes.AccountEnforcement).Should().Be((0, (string?)null));
        strikes.Strikes.Single().RemovedBecause.Should().Be($"overturned by appeal {appeal.Id}");
        (await grains.GetGrain<IEntityGrain>("user:o1").GetLabels()).Live.Should().BeEmpty("the account label went with the strike");

        var nothing = await grains.GetGrain<IAppealsGrain>("pin:a1").File(new AppealRequest { Appellant = "user:o1", Statement = "thanks" });
        nothing.Errors.Should().ContainSingle().Which.Message.Should().Be("nothing to appeal: pin:a1 is not enforced");
    }

    [Fact]
    public async Task An_upheld_automated_enforcement_stands_may_go_to_a_second_tier_once_and_an_overturn_logs_the_model_decision()
    {
        var database = await postgres.CreateDatabaseAsync("appeals_uphold");
        await using var cluster = await WardenTestCluster.DeployAsync(database, "appeals-uphold", silos: 1);
        var grains = cluster.GrainFactory;
        var appeals = await SaveAsync(grains, Sample("appeals"));
        var model = new Label { Source = new LabelSource("spam-model", SourceKind.Automated, "v7"), Enforcement = "block", Policy = "spam", CreatedAt = DateTimeOffset.UtcNow, Evidence = "score 0.97" };
        (await grains.GetGrain<IEntityGrain>("comment:c1").WriteLabel(model, "svc:model")).Outcome.Should().Be(LabelWriteOutcome.Added);
        var appealsOfComment = grains.GetGrain<IAppealsGrain>("comment:c1");

        async Task<AppealRecord> DecideAsync(string outcome)
        {
            var lease = (await appeals.LeaseNext(AppealsReviewer))!;
            (await appeals.Decide(lease.JobId, lease.Token, new ReviewDecision { Reviewer = "aria", Actions = [new ObjectAction("item", outcome)] })).Outcome.Should().Be(JobStepOutcome.Final);
            return (await appealsOfComment.List()).Single(a => a.JobId == lease.JobId);
        }

        (await appealsOfComment.File(new AppealRequest { Appellant = "user:c", Statement = "joke between friends", Surface = "search" })).Errors.Should().BeEmpty();
        (await DecideAsync("uphold")).Status.Should().Be(AppealStatus.Upheld);
        (await EnforcementAsync(grains, "comment:c1")).Should().Equal("block", "block");

        var second = await appealsOfComment.File(new AppealRequest { Appellant = "user:c", Statement = "please, a second look" });
        second.Appeal!.Tier.Should().Be(2);
        (await DecideAsync("uphold")).Tier.Should().Be(2);
        var third = await appealsOfComment.File(new AppealRequest { Appellant = "user:c", Statement = "once more" });
        third.Errors.Should().ContainSingle().Which.Message.Should().Contain("is final after the second tier");

        // Without a second tier the first upheld appeal is final.
        await SaveAsync(grains, Sample("appeals") with { AllowSecondTier = false });
        (await grains.GetGrain<IEntityGrain>("comment:c2").WriteLabel(model with { CreatedAt = DateTimeOffset.UtcNow }, "svc:model")).Outcome.Should().Be(LabelWriteOutcome.Added);
        (await grains.GetGrain<IAppealsGrain>("comment:c2").File(new AppealRequest { Appellant = "user:c", Statement = "first" })).Errors.Should().BeEmpty();
        appealsOfComment = grains.GetGrain<IAppealsGrain>("comment:c2");
        await DecideAsync("uphold");
        (await appealsOfComment.File(new AppealRequest { Appellant = "user:c", Statement = "again" })).Errors.Single().Message.Should().Contain("this appeals queue has no second tier");

        // An overturned model label becomes a logged decision and a hard example.
        (await grains.GetGrain<IEntityGrain>("comment:c3").WriteLabel(model with { CreatedAt = DateTimeOffset.UtcNow }, "svc:model")).Outcome.Should().Be(LabelWriteOutcome.Added);
        appealsOfComment = grains.GetGrain<IAppealsGrain>("comment:c3");
        (await appealsOfComment.File(new AppealRequest { Appellant = "user:c", Statement = "satire" })).Errors.Should().BeEmpty();
        var overturned = await DecideAsync("overturn");
        (await EnforcementAsync(grains, "comment:c3")).Should().Equal("allow", "allow");
        var logged = await grains.GetGrain<IDecisionHistoryGrain>(0).ForEntity("comment:c3", 10);
        logged.Should().Contain(r => r.Kind == DecisionRecord.LabelKind && r.Reviewer == "automated/spam-model/v7" && r.OverturnedBy == overturned.Id);
        (await ExportAsync(database)).Should().Contain(line => line.Contains("\"kind\":\"label\"") && line.Contains("automated/spam-model/v7") && line.Contains("\"hardExample\":true"));
    }

    [Fact]
    public async Task Strikes_accumulate_to_account_enforcement_and_expire()
    {
        var database = await postgres.CreateDatabaseAsync("strikes");
        await using var cluster = await WardenTestCluster.DeployAsync(database, "strikes", silos: 1);
        var grains = cluster.GrainFactory;
        await UseStrikesAsync(grains, spamWeight: 1, lifetime: TimeSpan.FromSeconds(4));
        var spam = await SaveAsync(grains, Sample("spam"));
        for (var i = 1; i <= 4; i++)
        {
            await spam.Enqueue(Job($"report:s{i}", $"pin:s{i}", owner: "user:s", priority: 10 - i));
            await LeaseAndDecideAsync(spam, SpamReviewer("ann"), ("item", "remove"));
            var summary = await grains.GetGrain<IStrikesGrain>("user:s").Get();
            summary.ActiveTotal.Should().Be(i);
            summary.AccountEnforcement.Should().Be(i switch { 1 => null, 2 or 3 => "limit", _ => "block" });
        }

        (await grains.GetGrain<IEntityGrain>("user:s").GetEnforcement("profile")).Enforcement.Should().Be("block");
        await spam.Enqueue(Job("report:s5", "pin:s5", owner: "user:s"));
        await LeaseAndDecideAsync(spam, SpamReviewer("ann"), ("item", "approve"));
        (await grains.GetGrain<IStrikesGrain>("user:s").Get()).Strikes.Should().HaveCount(4, "an approval is not an enforcement");

        // After their lifetime the strikes stop counting and the reminder lifts the account enforcement.
        await Eventually.Succeeds(
            () => grains.GetGrain<IEntityGrain>("user:s").GetLabels(),
            labels => labels.Live.Count == 0,
            TimeSpan.FromSeconds(30),
            "the account label removed after the strikes expired");
        (await grains.GetGrain<IStrikesGrain>("user:s").Get()).ActiveTotal.Should().Be(0);
    }

    private static async Task UseStrikesAsync(IGrainFactory grains, int spamWeight, TimeSpan? lifetime)
    {
        var catalogs = grains.GetGrain<IPolicyCatalogGrain>(IPolicyCatalogGrain.DefaultKey);
        var current = await catalogs.Get();
        var result = await catalogs.Update(current with
        {
            Policies = [.. current.Policies.Select(p => p.Name == "spam" ? p with { StrikeWeight = spamWeight, StrikeLifetime = lifetime } : p)],
            StrikeThresholds = [new StrikeThreshold(2, "limit"), new StrikeThreshold(4, "block")],
        }, current.Version, "user:lead");
        result.Accepted.Should().BeTrue(string.Join("; ", result.Errors));
    }

    private static async Task<string[]> EnforcementAsync(IGrainFactory grains, string entity) =>
        await Task.WhenAll(Surfaces.Select(async s => (await grains.GetGrain<IEntityGrain>(entity).GetEnforcement(s)).Enforcement));

    private static async Task<List<string>> ExportAsync(string database)
    {
        await using var db = NpgsqlDataSource.Create(database);
        await using var writer = new StringWriter();
        await DecisionExporter.ExportAsync(db, writer, queue: null, since: null, all: false, CancellationToken.None);
        return [.. writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
