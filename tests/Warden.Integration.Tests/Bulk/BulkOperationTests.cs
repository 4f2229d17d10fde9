using Orleans.TestingHost;
using Warden.Abstractions.Bulk;
using Warden.Abstractions.Labels;
using Warden.Grains.Labels.Import;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Bulk;

/// <summary>Bulk label and removal on 100,000 entities: the dry run, the apply and the undo count the same entities.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BulkOperationTests(PostgresFixture postgres)
{
    private const int Entities = 100_000;
    private static readonly BulkQuery ModelLabels = new() { Origin = "labels", Source = "automated/model-0/v1" };

    [Fact]
    public async Task Dry_run_apply_and_undo_agree_on_100k_entities()
    {
        var database = await postgres.CreateDatabaseAsync("bulk_100k");
        await using var cluster = await WardenTestCluster.DeployAsync(database, "bulk-100k", silos: 1);
        var grains = cluster.GrainFactory;
        await SeedAsync(grains);
        var queries = grains.GetGrain<IBulkQueryGrain>(0);

        var preview = await queries.Preview(ModelLabels);
        preview.Count.Should().Be(Entities);
        preview.Sample.Should().HaveCount(20).And.BeInAscendingOrder(StringComparer.Ordinal);

        var takedown = await RunAsync(grains, "bulk-label", ModelLabels, new BulkAction { Kind = "label", Enforcement = "block", Policy = "spam", Reason = "spam ring takedown" });
        takedown.Matched.Should().Be(Entities);
        takedown.Outcomes["applied"].Should().Be(Entities);
        (takedown.Outcomes["failed"], takedown.Outcomes["pending"]).Should().Be((0, 0));
        var enforced = await grains.GetGrain<IEntityGrain>("pin:4242").GetEnforcement("home_feed");
        (enforced.Enforcement, enforced.Winner!.Source.Key).Should().Be(("block", "human/bulk/bulk-label"));
        (await queries.Preview(new BulkQuery { Source = "human/bulk/*" })).Count.Should().Be(Entities);

        var undone = await UndoAsync(grains, "bulk-label");
        undone.Outcomes["undone"].Should().Be(Entities);
        (await queries.Preview(new BulkQuery { Source = "human/bulk/*" })).Count.Should().Be(0);
        (await grains.GetGrain<IEntityGrain>("pin:4242").GetLabels()).Live.Should().ContainSingle().Which.Source.Key.Should().Be("automated/model-0/v1");

        // Removing a bad model's blocks, then putting them back.
        var blocks = new BulkQuery { Origin = "history", Source = "automated/model-0/v1", Enforcement = "block" };
        var blockCount = (await queries.Preview(blocks)).Count;
        blockCount.Should().Be(Enumerable.Range(0, Entities).Count(e => SyntheticLabelFile.EnforcementOf(e, 0) == "block"));
        var removal = await RunAsync(grains, "bulk-remove", blocks, new BulkAction { Kind = "remove", RemoveSource = "automated/model-0/v1", Reason = "model v1 misfired" });
        removal.Outcomes["applied"].Should().Be(blockCount);
        (await queries.Preview(ModelLabels with { Enforcement = "block" })).Count.Should().Be(0);
        (await UndoAsync(grains, "bulk-remove")).Outcomes["undone"].Should().Be(blockCount);
        (await queries.Preview(ModelLabels with { Enforcement = "block" })).Count.Should().Be(blockCount);
        (await queries.List(10)).Select(o => (o.Id, o.Status)).Should().BeEquivalentTo([("bulk-remove", BulkStatus.Undone), ("bulk-label", BulkStatus.Undone)]);
    }

    [Fact]
    public async Task Every_bad_query_action_and_undo_is_refused_with_its_reason()
    {
        var database = await postgres.CreateDatabaseAsync("bulk_refused");
        await using var cluster = await WardenTestCluster.DeployAsync(database, "bulk-refused", silos: 1);
        var grains = cluster.GrainFactory;
        var spam = await SaveAsync(grains, Sample("spam"));
        await spam.Enqueue(Job("report:b1", "pin:b1", owner: "user:b"));
        await LeaseAndDecideAsync(spam, SpamReviewer("ann"), ("item", "remove"));
        var queries = grains.GetGrain<IBulkQueryGrain>(0);

        (await queries.Preview(new BulkQuery { Origin = "decisions", Queue = "spam-en" })).Count.Should().Be(2, "the job held the Pin and its owner");
        (await queries.Preview(new BulkQuery())).Errors.Should().ContainSingle().Which.Message.Should().Contain("never matches everything");
        (await queries.Preview(new BulkQuery { Origin = "tweets", Policy = "gossip", Enforcement = "obliterate", EntityType = "planet", Source = "a*b" }))
            .Errors.Select(e => e.Field).Should().BeEquivalentTo(["Query.Origin", "Query.Policy", "Query.Enforcement", "Query.EntityType", "Query.Source"]);
        var refused = await grains.GetGrain<IBulkOperationGrain>("bulk-bad").Start(new BulkRequest
        {
            Query = new BulkQuery { Policy = "spam" },
            Action = new BulkAction { Kind = "remove", RemoveSource = "model-0", Reason = " " },
            Actor = "user:lead",
            Parallelism = 0,
        });
        refused.Errors.Select(e => e.Field).Should().BeEquivalentTo(["Action.Reason", "Action.RemoveSource", "Parallelism"]);
        (await grains.GetGrain<IBulkOperationGrain>("bulk-bad").Get()).Should().BeNull("nothing is recorded for a refused operation");
        (await grains.GetGrain<IBulkOperationGrain>("bulk-none").Undo("user:lead")).Errors.Single().Message.Should().Be("there is no bulk operation bulk-none");

        var done = await RunAsync(grains, "bulk-once", new BulkQuery { Origin = "decisions", Queue = "spam-en" }, new BulkAction { Kind = "label", Enforcement = "limit", Policy = "spam", Reason = "r" });
        done.Outcomes["applied"].Should().Be(2);
        (await grains.GetGrain<IBulkOperationGrain>("bulk-once").Start(new BulkRequest { Query = new BulkQuery { Policy = "spam" }, Action = done.Action, Actor = "user:lead" }))
            .Errors.Single().Message.Should().Be("bulk operation bulk-once exists already");
        await UndoAsync(grains, "bulk-once");
        (await grains.GetGrain<IBulkOperationGrain>("bulk-once").Undo("user:lead")).Errors.Single().Message.Should().Contain("bulk-once is undone");
    }

    private static async Task SeedAsync(IGrainFactory grains)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("warden-bulk-").FullName, "labels.jsonl");
        SyntheticLabelFile.Write(file, Entities, 1, rejectEvery: 0);
        var report = await new LabelImporter(grains, new LabelImportOptions { Actor = "test:seed" }).ImportAsync(file);
        report.Rows.Should().Be(Entities + 1);
    }

    private static async Task<BulkOperationInfo> RunAsync(IGrainFactory grains, string id, BulkQuery query, BulkAction action)
    {
        var started = await grains.GetGrain<IBulkOperationGrain>(id).Start(new BulkRequest { Query = query, Action = action, Actor = "user:lead", Parallelism = 64 });
        started.Errors.Should().BeEmpty();
        return await Eventually.Succeeds(() => grains.GetGrain<IBulkOperationGrain>(id).Get(), o => o!.Status == BulkStatus.Applied, TimeSpan.FromMinutes(5), $"{id} applied")
            ?? throw new InvalidOperationException();
    }

    private static async Task<BulkOperationInfo> UndoAsync(IGrainFactory grains, string id)
    {
        (await grains.GetGrain<IBulkOperationGrain>(id).Undo("user:lead")).Errors.Should().BeEmpty();
        return await Eventually.Succeeds(() => grains.GetGrain<IBulkOperationGrain>(id).Get(), o => o!.Status == BulkStatus.Undone, TimeSpan.FromMinutes(5), $"{id} undone")
            ?? throw new InvalidOperationException();
    }
}
