using Orleans.TestingHost;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Policies;
using Warden.Abstractions.Runtime;
using Warden.Core.Labels;
using Warden.Integration.Tests.Infrastructure;
using static Warden.Integration.Tests.Labels.LabelFixtures;

namespace Warden.Integration.Tests.Labels;

/// <summary>The label pipeline end to end on a 2-silo cluster with PostgreSQL storage and history.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EntityLabelTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task The_seed_example_resolves_differently_per_surface_and_explains_itself()
    {
        await using var cluster = await DeployAsync("labels_seed");
        await UseSurfacesAsync(cluster,
            new SurfaceDefinition { Name = "home_feed", FreshnessHalfLife = TimeSpan.FromDays(30) },
            new SurfaceDefinition { Name = "search", FreshnessHalfLife = TimeSpan.FromDays(1) });
        var pin = cluster.GrainFactory.GetGrain<IEntityGrain>("pin:1233211212");

        (await pin.WriteLabel(Human("block", "porn", Now.AddDays(-3)), "key:review-tool")).Outcome.Should().Be(LabelWriteOutcome.Added);
        (await pin.WriteLabel(Automated("limit", "spam", Now), "key:spam-pipeline")).Outcome.Should().Be(LabelWriteOutcome.Added);

        var feed = await pin.GetEnforcement("home_feed");
        var search = await pin.GetEnforcement("search");
        (await pin.GetVerdict("search")).Should().Be(new EnforcementVerdict("limit", "automated/spam-model/v7", "spam", search.CatalogVersion));
        feed.Enforcement.Should().Be("block");
        feed.Winner!.Policy.Should().Be("porn");
        feed.Ranked.Select(r => r.Label.Source.Kind).Should().Equal(SourceKind.Human, SourceKind.Automated);
        search.Enforcement.Should().Be("limit");
        search.Winner!.Policy.Should().Be("spam");
        search.Ranked.Should().HaveCount(2).And.BeInDescendingOrder(r => r.Score);

        // The cached-type reference (hot read paths) names the same grain and reaches the same state.
        var fast = cluster.GrainFactory.Get<IEntityGrain>("pin:1233211212");
        fast.GetGrainId().Should().Be(pin.GetGrainId());
        (await fast.GetVerdict("search")).Should().Be(await pin.GetVerdict("search"));
        cluster.GrainFactory.Get<IEntityGrain>("pin:2").GetGrainId().Should().Be(cluster.GrainFactory.GetGrain<IEntityGrain>("pin:2").GetGrainId());
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_named_and_nothing_stored()
    {
        await using var cluster = await DeployAsync("labels_bad");
        var pin = cluster.GrainFactory.GetGrain<IEntityGrain>("pin:7");
        var unknownType = cluster.GrainFactory.GetGrain<IEntityGrain>("widget:7");

        var bad = await pin.WriteLabel(Automated("ban", "spma", Now) with { Confidence = 3 }, "key:x");
        var wrongEntity = await unknownType.WriteLabel(Automated("limit", "spam", Now), "key:x");
        var noActor = await pin.WriteLabel(Automated("limit", "spam", Now), " ");

        bad.Errors.Select(e => e.Field).Should().BeEquivalentTo(["Enforcement", "Policy", "Confidence"]);
        wrongEntity.Errors.Should().ContainSingle().Which.Message.Should().Contain("widget");
        noActor.Errors.Should().ContainSingle().Which.Field.Should().Be("Actor");
        var tooMany = await pin.WriteLabels([.. Enumerable.Range(0, 1001).Select(i => Automated("limit", "spam", Now, name: $"v{i}"))], "key:x");
        tooMany.Should().HaveCount(1001).And.OnlyContain(r => r.Outcome == LabelWriteOutcome.Rejected && r.Errors.Any(e => e.Field == "Labels"));
        (await pin.GetLabels()).Live.Should().BeEmpty();
        (await pin.GetHistory(10)).Should().BeEmpty();
        var read = () => pin.GetEnforcement("nowhere");
        (await read.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("home_feed");
    }

    [Fact]
    public async Task History_records_every_change_with_who_and_why_and_answers_by_source()
    {
        await using var cluster = await DeployAsync("labels_history");
        var pin = cluster.GrainFactory.GetGrain<IEntityGrain>("pin:42");

        await pin.WriteLabel(Automated("limit", "spam", Now.AddMinutes(-2)), "key:pipeline");
        (await pin.WriteLabel(Automated("limit", "spam", Now.AddMinutes(-2)), "key:pipeline")).Outcome.Should().Be(LabelWriteOutcome.Unchanged);
        await pin.WriteLabel(Automated("block", "spam", Now.AddMinutes(-1)), "key:pipeline");
        (await pin.WriteLabel(Automated("allow", "spam", Now.AddMinutes(-3)), "key:pipeline")).Outcome.Should().Be(LabelWriteOutcome.Stale);
        await pin.RemoveLabel(new LabelSource("spam-model", SourceKind.Automated, "v7"), "user:lead", "model retracted");

        var history = await pin.GetHistory(10);
        history.Select(h => h.Kind).Should().Equal(LabelChangeKind.Removed, LabelChangeKind.Replaced, LabelChangeKind.Added);
        history[0].Should().Match<LabelChange>(h => h.Actor == "user:lead" && h.Reason == "model retracted");
        history[1].Previous!.Enforcement.Should().Be("limit");
        history[1].Label.Evidence.Should().Be("score 0.93");

        var bySource = await cluster.GrainFactory.GetGrain<ILabelHistoryGrain>(0).BySource("automated/spam-model/v7", Now.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1), 100);
        bySource.Should().HaveCount(3).And.OnlyContain(h => h.Entity == "pin:42");
    }

    [Fact]
    public async Task A_trusted_entity_holds_a_severe_automated_label_until_a_human_releases_it()
    {
        await using var cluster = await DeployAsync("labels_hold");
        var user = cluster.GrainFactory.GetGrain<IEntityGrain>("user:partner");
        await user.SetTrusted(true, "user:admin");

        (await user.WriteLabel(Automated("block", "spam", Now), "key:pipeline")).Outcome.Should().Be(LabelWriteOutcome.Held);
        (await user.GetEnforcement("home_feed")).Enforcement.Should().Be("allow", "a held label has no effect");
        (await PendingHoldsAsync()).Should().Be(1, "the hold requested a review");

        await user.WriteLabel(Human("block", "spam", Now), "user:reviewer");

        (await user.GetEnforcement("home_feed")).Enforcement.Should().Be("block");
        (await user.GetLabels()).Held.Should().BeEmpty();
        (await user.GetHistory(10)).Select(h => h.Kind).Should().Contain([LabelChangeKind.Held, LabelChangeKind.Released]);
        (await PendingHoldsAsync()).Should().Be(0, "the release closed the request");

        async Task<long> PendingHoldsAsync()
        {
            await using var db = Npgsql.NpgsqlDataSource.Create(_connectionString!);
            await using var command = db.CreateCommand("SELECT count(*) FROM hold_review_requests WHERE status = 'pending'");
            return (long)(await command.ExecuteScalarAsync())!;
        }
    }

    [Fact]
    public async Task Labels_and_history_survive_a_cluster_restart()
    {
        var connectionString = await postgres.CreateDatabaseAsync("labels_restart");
        await using (var first = await WardenTestCluster.DeployAsync(connectionString, "labels-restart"))
        {
            var board = first.GrainFactory.GetGrain<IEntityGrain>("board:7");
            await board.WriteLabels([Automated("limit", "spam", Now), Human("block", "hate", Now)], "key:import");
            await first.StopAllSilosAsync();
        }

        await using var second = await WardenTestCluster.DeployAsync(connectionString, "labels-restart");
        var restarted = second.GrainFactory.GetGrain<IEntityGrain>("board:7");
        (await restarted.GetLabels()).Live.Should().HaveCount(2);
        (await restarted.GetEnforcement("home_feed")).Enforcement.Should().Be("block");
        (await restarted.GetHistory(10)).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_conflicting_write_stores_neither_state_nor_history_and_the_entity_reloads()
    {
        await using var cluster = await DeployAsync("labels_conflict");
        var pin = cluster.GrainFactory.GetGrain<IEntityGrain>("pin:conflict");
        await pin.WriteLabel(Automated("limit", "spam", Now.AddMinutes(-1)), "key:x");
        await using var db = Npgsql.NpgsqlDataSource.Create(_connectionString!);
        await using (var bump = db.CreateCommand("UPDATE entity_labels SET version = version + 1 WHERE entity = 'pin:conflict'"))
        {
            (await bump.ExecuteNonQueryAsync()).Should().Be(1, "another writer moved the version on");
        }

        var conflicting = () => pin.WriteLabel(Automated("block", "spam", Now), "key:x");

        await conflicting.Should().ThrowAsync<Orleans.Storage.InconsistentStateException>();
        await using (var count = db.CreateCommand("SELECT count(*) FROM label_events WHERE entity = 'pin:conflict'"))
        {
            ((long)(await count.ExecuteScalarAsync())!).Should().Be(1, "the refused write left no history row");
        }

        var retried = await Eventually.Succeeds(() => pin.WriteLabel(Automated("block", "spam", Now), "key:x"), r => r.Outcome == LabelWriteOutcome.Replaced, TimeSpan.FromSeconds(10), "the reloaded entity accepting the write");
        retried.Outcome.Should().Be(LabelWriteOutcome.Replaced);
        (await pin.GetHistory(10)).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_batch_read_answers_for_every_entity_in_order()
    {
        await using var cluster = await DeployAsync("labels_batch");
        var keys = Enumerable.Range(0, 150).Select(i => $"pin:{i}").ToList();
        await Task.WhenAll(keys.Where((_, i) => i % 3 == 0).Select(k => cluster.GrainFactory.GetGrain<IEntityGrain>(k).WriteLabel(Automated("block", "spam", Now), "key:x")));

        var decisions = await cluster.GrainFactory.GetGrain<IEnforcementReaderGrain>(0).GetEnforcements("home_feed", keys);

        decisions.Select(d => d.Entity).Should().Equal(keys);
        decisions.Select(d => d.Enforcement).Should().Equal(keys.Select((_, i) => i % 3 == 0 ? "block" : "allow"));
        var verdicts = await cluster.GrainFactory.GetGrain<IEnforcementReaderGrain>(0).GetVerdicts("home_feed", keys);
        verdicts.Should().Equal(decisions.Select(EnforcementVerdict.Of));
        verdicts[0].Should().Be(new EnforcementVerdict("block", "automated/spam-model/v7", "spam", decisions[0].CatalogVersion));
        verdicts[1].Should().Match<EnforcementVerdict>(v => v.Enforcement == "allow" && v.WinningSource == null);
        var tooMany = () => cluster.GrainFactory.GetGrain<IEnforcementReaderGrain>(0).GetVerdicts("home_feed", [.. Enumerable.Range(0, 1001).Select(i => $"pin:{i}")]);
        (await tooMany.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("1000");
    }

    private string? _connectionString;

    private async Task<TestCluster> DeployAsync(string database)
    {
        _connectionString = await postgres.CreateDatabaseAsync(database);
        return await WardenTestCluster.DeployAsync(_connectionString, database.Replace('_', '-'));
    }

    private static async Task UseSurfacesAsync(TestCluster cluster, params SurfaceDefinition[] surfaces)
    {
        var catalogs = cluster.GrainFactory.GetGrain<IPolicyCatalogGrain>(IPolicyCatalogGrain.DefaultKey);
        var current = await catalogs.Get();
        var result = await catalogs.Update(current with { Surfaces = [.. surfaces] }, current.Version, "user:lead");
        result.Accepted.Should().BeTrue(string.Join("; ", result.Errors));
    }
}
