using Warden.Abstractions.Labels;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Abstractions.Scoring;
using Warden.Integration.Tests.Infrastructure;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;
using static Warden.Integration.Tests.Scoring.ScoringFixtures;

namespace Warden.Integration.Tests.Scoring;

/// <summary>Submit → cascade → automated labels, enforcement and review jobs, against PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ScoringFlowTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Spam_text_becomes_a_block_label_and_enforcement_and_ham_is_allowed()
    {
        await using var cluster = await WardenTestCluster.DeployAsync(await postgres.CreateDatabaseAsync("scoring_flow"), "scoring-flow", silos: 1, Settings());
        var spamPin = cluster.GrainFactory.GetGrain<IEntityGrain>("pin:spam");
        var hamPin = cluster.GrainFactory.GetGrain<IEntityGrain>("pin:ham");

        var spam = await cluster.GrainFactory.Content("pin:spam", "s1").Submit(Text("s1", ClearSpam));
        var ham = await cluster.GrainFactory.Content("pin:ham", "h1").Submit(Text("h1", ClearHam));

        spam.Accepted.Should().BeTrue();
        spam.Content!.Status.Should().Be(ContentStatus.Labelled);
        var spamVerdict = spam.Content.Verdict!.Categories.Single(c => c.Category == "spam");
        spamVerdict.Decision.Should().Be(VerdictDecision.Block);
        spamVerdict.Evidence.Should().Contain(e => e.Kind == "model");
        var label = (await spamPin.GetLabels()).Live.Single();
        label.Source.Key.Should().Be("automated/warden-scoring/spam");
        label.Enforcement.Should().Be("block");
        var enforcement = await spamPin.GetEnforcement("home_feed");
        enforcement.Enforcement.Should().Be("block");

        ham.Content!.Status.Should().Be(ContentStatus.Labelled);
        ham.Content.Verdict!.Categories.Single(c => c.Category == "spam").Decision.Should().Be(VerdictDecision.Allow);
        (await hamPin.GetLabels()).Live.Should().BeEmpty();
        (await hamPin.GetEnforcement("home_feed")).Enforcement.Should().Be("allow");

        var stored = await cluster.GrainFactory.Content("pin:spam", "s1").Get();
        stored!.Verdict!.Categories.Should().BeEquivalentTo(spam.Content.Verdict.Categories, "the verdict is stored as it was answered");
    }

    [Fact]
    public async Task The_same_idempotency_key_is_one_submission_and_bad_input_is_refused_whole()
    {
        await using var cluster = await WardenTestCluster.DeployAsync(await postgres.CreateDatabaseAsync("scoring_input"), "scoring-input", silos: 1, Settings());
        var pin = cluster.GrainFactory.GetGrain<IEntityGrain>("pin:7");

        var first = await cluster.GrainFactory.Content("pin:7", "k").Submit(Text("k", ClearHam));
        var again = await cluster.GrainFactory.Content("pin:7", "k").Submit(Text("k", ClearSpam));
        var refused = await cluster.GrainFactory.Content("pin:7", "").Submit(new ContentSubmission
        {
            IdempotencyKey = "",
            Text = "bad\0text",
            Images = [new SubmittedImage("not an image"u8.ToArray())],
            Author = "nobody",
            Locale = "english please",
            Surface = "nowhere",
            Actor = "svc:test",
        });
        var empty = await cluster.GrainFactory.Content("pin:7", "e").Submit(new ContentSubmission { IdempotencyKey = "e", Actor = "svc:test" });

        again.Duplicate.Should().BeTrue();
        again.Content!.Verdict.Should().BeEquivalentTo(first.Content!.Verdict, "the first submission's answer stands");
        refused.Accepted.Should().BeFalse();
        refused.Errors.Select(e => e.Field).Should().BeEquivalentTo(["IdempotencyKey", "Text", "Images[0]", "Author", "Surface", "Locale"]);
        empty.Errors.Should().ContainSingle().Which.Field.Should().Be("Text");
        (await cluster.GrainFactory.Content("pin:7", "e").Get()).Should().BeNull("a refused submission stores nothing");
    }

    [Fact]
    public async Task An_uncertain_score_opens_a_job_in_the_routed_queue()
    {
        await using var cluster = await WardenTestCluster.DeployAsync(await postgres.CreateDatabaseAsync("scoring_routed"), "scoring-routed", silos: 1, Settings());
        var queue = await SaveAsync(cluster.GrainFactory, Sample("spam"));
        var routing = cluster.GrainFactory.GetGrain<IRoutingGrain>(IRoutingGrain.DefaultKey);
        (await routing.SetTable(new RoutingTable { Rules = [new RoutingRule { Queue = "spam-en", Policy = "spam", ReportReason = "model-uncertain", Priority = 3 }] }, 0, "user:lead"))
            .Should().BeEmpty();

        var result = await cluster.GrainFactory.Content("pin:maybe", "m1").Submit(Text("m1", UncertainText, author: "user:author"));

        result.Content!.Status.Should().Be(ContentStatus.Queued);
        result.Content.ReviewQueue.Should().Be("spam-en");
        result.Content.ReviewReason.Should().Be("model-uncertain");
        result.Content.Verdict!.Categories.Single(c => c.Category == "spam").Decision.Should().Be(VerdictDecision.Review);
        var lease = (await queue.LeaseNext(SpamReviewer("ann")))!;
        lease.JobId.Should().Be(result.Content.ReviewJobId);
        var job = await cluster.GrainFactory.GetGrain<IReviewJobGrain>(lease.JobId).GetDetails();
        job.Request!.Reason.Should().Be("model-uncertain");
        job.Request.Objects.Select(o => (o.Role, o.Entity)).Should().Equal(("item", "pin:maybe"), ("owner", "user:author"));
        job.Request.Scores.Should().Contain(s => s.Name == "spam" && s.Evidence!.Contains("model"));
        (await cluster.GrainFactory.GetGrain<IEntityGrain>("pin:maybe").GetEnforcement("home_feed")).Enforcement
            .Should().Be("hide_from_recommendations", "an uncertain item is held back from recommendations while humans look");
    }

    [Fact]
    public async Task A_sampled_confident_verdict_goes_to_humans_for_audit_and_the_meter_counts_it()
    {
        var settings = Settings();
        settings["Warden:Scoring:Categories:spam:AuditSampleRate"] = "1";
        await using var cluster = await WardenTestCluster.DeployAsync(await postgres.CreateDatabaseAsync("scoring_audit"), "scoring-audit", silos: 1, settings);
        using var meter = new ScoringMeterRecorder();
        await SaveAsync(cluster.GrainFactory, Sample("spam"));
        (await cluster.GrainFactory.GetGrain<IRoutingGrain>(IRoutingGrain.DefaultKey).SetTable(new RoutingTable { Rules = [new RoutingRule { Queue = "spam-en", Policy = "spam" }] }, 0, "user:lead"))
            .Should().BeEmpty();

        var result = await cluster.GrainFactory.Content("pin:audited", "a1").Submit(Text("a1", ClearHam));

        result.Content!.Verdict!.Categories.Single(c => c.Category == "spam").Decision.Should().Be(VerdictDecision.Allow);
        result.Content.Status.Should().Be(ContentStatus.Queued);
        result.Content.ReviewReason.Should().Be("quality-audit");
        meter.Count("warden.scoring.verdicts", ("category", "spam"), ("decision", "allow")).Should().BeGreaterThanOrEqualTo(1);
        meter.Count("warden.scoring.routed", ("category", "spam"), ("reason", "quality-audit")).Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_category_that_fails_closed_blocks_when_its_model_is_unavailable()
    {
        var settings = Settings(model: "/nonexistent/spam.onnx");
        settings["Warden:Scoring:Categories:spam:ModelRequired"] = "true";
        settings["Warden:Scoring:Categories:spam:Fallback"] = "Closed";
        await using var cluster = await WardenTestCluster.DeployAsync(await postgres.CreateDatabaseAsync("scoring_closed"), "scoring-closed", silos: 1, settings);

        var result = await cluster.GrainFactory.Content("pin:x", "x1").Submit(Text("x1", ClearHam));

        var spam = result.Content!.Verdict!.Categories.Single(c => c.Category == "spam");
        spam.Degraded.Should().BeTrue();
        spam.Decision.Should().Be(VerdictDecision.Block);
        spam.Evidence.Should().Contain(e => e.Kind == "fallback" && e.Detail.Contains("fail-closed"));
        (await cluster.GrainFactory.GetGrain<IEntityGrain>("pin:x").GetEnforcement("home_feed")).Enforcement.Should().Be("block");
    }

    [Fact]
    public async Task A_submission_stored_without_a_verdict_is_scored_by_the_recovery_pass()
    {
        var database = await postgres.CreateDatabaseAsync("scoring_recovery");
        var settings = Settings();
        settings["Warden:Scoring:RecoverAfter"] = "00:00:00";
        await using var cluster = await WardenTestCluster.DeployAsync(database, "scoring-recovery", silos: 1, settings);

        // As if a silo died right after storing the submission: the row is there, status received.
        var record = new ContentRecord { Entity = "pin:orphan", Submission = Text("o1", ClearSpam), Status = ContentStatus.Received, ReceivedAt = DateTimeOffset.UtcNow };
        await using (var db = Npgsql.NpgsqlDataSource.Create(database))
        {
            await using var insert = db.CreateCommand("INSERT INTO content_items (entity, idempotency_key, status, received_at, record, updated_at) VALUES ($1, $2, 0, now(), $3::jsonb, now() - interval '1 minute')");
            insert.Parameters.AddWithValue(record.Entity);
            insert.Parameters.AddWithValue("o1");
            insert.Parameters.AddWithValue(Warden.Grains.Scoring.ContentJson.Write(record));
            await insert.ExecuteNonQueryAsync();
        }


        var redriven = await cluster.GrainFactory.GetGrain<IScoringRecoveryGrain>(IScoringRecoveryGrain.DefaultKey).RunOnce();

        redriven.Should().Be(1);
        var stored = await cluster.GrainFactory.Content("pin:orphan", "o1").Get();
        stored!.Status.Should().Be(ContentStatus.Labelled);
        (await cluster.GrainFactory.GetGrain<IEntityGrain>("pin:orphan").GetEnforcement("home_feed")).Enforcement.Should().Be("block");
        (await cluster.GrainFactory.GetGrain<IScoringRecoveryGrain>(IScoringRecoveryGrain.DefaultKey).RunOnce()).Should().Be(0, "nothing is left pending");

        // As if the silo died after the labels were written but before the item was marked scored: the
        // re-drive writes the same labels, which the entity recognises as unchanged — no second history row.
        var history = await cluster.GrainFactory.GetGrain<IEntityGrain>("pin:orphan").GetHistory(100);
        await using (var db = Npgsql.NpgsqlDataSource.Create(database))
        {
            await using var reset = db.CreateCommand("UPDATE content_items SET status = 0, updated_at = now() - interval '1 minute' WHERE entity = 'pin:orphan'");
            (await reset.ExecuteNonQueryAsync()).Should().Be(1);
        }

        (await cluster.GrainFactory.GetGrain<IScoringRecoveryGrain>(IScoringRecoveryGrain.DefaultKey).RunOnce()).Should().Be(1);
        (await cluster.GrainFactory.Content("pin:orphan", "o1").Get())!.Status.Should().Be(ContentStatus.Labelled);
        (await cluster.GrainFactory.GetGrain<IEntityGrain>("pin:orphan").GetHistory(100)).Should().HaveCount(history.Count, "a re-drive of the same submission changes no label");
    }
}
