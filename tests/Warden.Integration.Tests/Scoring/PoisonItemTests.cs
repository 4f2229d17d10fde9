using Warden.Abstractions.Labels;
using Warden.Abstractions.Scoring;
using Warden.Grains.Scoring;
using Warden.Integration.Tests.Infrastructure;
using static Warden.Integration.Tests.Scoring.ScoringFixtures;

namespace Warden.Integration.Tests.Scoring;

/// <summary>A stored submission whose scoring throws every time: retried with backoff, then marked failed with its reason, and re-driven by an operator.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PoisonItemTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_submission_that_always_fails_is_marked_failed_after_its_attempts_and_can_be_re_driven()
    {
        var database = await postgres.CreateDatabaseAsync("scoring_poison");
        var settings = Settings();
        settings["Warden:Scoring:RecoverAfter"] = "00:00:00";
        settings["Warden:Scoring:MaxScoringAttempts"] = "3";
        await using var cluster = await WardenTestCluster.DeployAsync(database, "scoring-poison", silos: 1, settings);

        // As an earlier version could have stored it: an author key no entity can have.
        var record = new ContentRecord { Entity = "pin:poison", Submission = Text("p1", ClearHam, author: string.Empty), Status = ContentStatus.Received, ReceivedAt = DateTimeOffset.UtcNow };
        await using var db = Npgsql.NpgsqlDataSource.Create(database);
        await using (var insert = db.CreateCommand("INSERT INTO content_items (entity, idempotency_key, status, received_at, record, updated_at) VALUES ($1, $2, 0, now(), $3::jsonb, now() - interval '1 minute')"))
        {
            insert.Parameters.AddWithValue(record.Entity);
            insert.Parameters.AddWithValue("p1");
            insert.Parameters.AddWithValue(ContentJson.Write(record));
            await insert.ExecuteNonQueryAsync();
        }

        var recovery = cluster.GrainFactory.GetGrain<IScoringRecoveryGrain>(IScoringRecoveryGrain.DefaultKey);
        var pin = cluster.GrainFactory.GetGrain<IEntityGrain>("pin:poison");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            (await recovery.RunOnce()).Should().Be(1, $"attempt {attempt} re-drives it");
            (await cluster.GrainFactory.Content("pin:poison", "p1").Get())!.Attempts.Should().Be(attempt);
        }

        var failed = (await cluster.GrainFactory.Content("pin:poison", "p1").Get())!;
        failed.Status.Should().Be(ContentStatus.Failed);
        failed.FailureReason.Should().NotBeNullOrEmpty();
        (await recovery.RunOnce()).Should().Be(0, "a failed submission is no longer retried");

        // The operator mends the data, then re-drives it: scored like any other.
        await using (var mend = db.CreateCommand("UPDATE content_items SET record = jsonb_set(record, '{submission,author}', '\"user:9\"') WHERE entity = 'pin:poison'"))
        {
            (await mend.ExecuteNonQueryAsync()).Should().Be(1);
        }

        var redriven = await cluster.GrainFactory.Content("pin:poison", "p1").Redrive();
        redriven!.Status.Should().Be(ContentStatus.Labelled);
        redriven.FailureReason.Should().BeNull();
    }
}
