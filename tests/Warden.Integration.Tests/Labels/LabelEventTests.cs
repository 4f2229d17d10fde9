using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Orleans.TestingHost;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Policies;
using Warden.Abstractions.Runtime;
using Warden.Grains.Policies;
using Warden.Integration.Tests.Infrastructure;
using static Warden.Integration.Tests.Labels.LabelFixtures;

namespace Warden.Integration.Tests.Labels;

/// <summary>What moves between grains and services: enforcement events, stream ingestion, expiry, catalog versions.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LabelEventTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_change_of_enforcement_is_announced_per_surface()
    {
        await using var cluster = await DeployAsync("events_enforcement");
        var changes = await SubscribeAsync(cluster, "pin:9");

        await cluster.GrainFactory.GetGrain<IEntityGrain>("pin:9").WriteLabel(Human("block", "porn", DateTimeOffset.UtcNow), "user:reviewer");

        var change = await changes.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        change.Should().Match<EnforcementChanged>(c => c.Entity == "pin:9" && c.Previous == "allow" && c.Current.Enforcement == "block");
        change.Current.Winner!.Source.Name.Should().Be("jane");
        await cluster.StopSilosBeforeClientAsync();
    }

    [Fact]
    public async Task Labels_published_on_the_ingestion_stream_reach_their_entity()
    {
        await using var cluster = await DeployAsync("events_ingest");
        var stream = cluster.Client.GetStreamProvider(WardenProviders.IngestStreams)
            .GetStream<LabelStreamItem>(StreamId.Create(WardenStreams.Labels, "comment:5"));

        await stream.OnNextAsync(new LabelStreamItem { Label = Automated("limit", "harassment", DateTimeOffset.UtcNow), Actor = "stream:toxicity" });

        var comment = cluster.GrainFactory.GetGrain<IEntityGrain>("comment:5");
        var labels = await Eventually.Succeeds(comment.GetLabels, l => l.Live.Count == 1, Patience, "the streamed label stored");
        labels.Live[0].Policy.Should().Be("harassment");
        (await comment.GetHistory(5)).Single().Actor.Should().Be("stream:toxicity");
    }

    [Fact]
    public async Task An_expiring_label_leaves_on_time_with_a_history_entry_and_an_event()
    {
        await using var cluster = await DeployAsync("events_expiry");
        var changes = await SubscribeAsync(cluster, "message:3");
        var message = cluster.GrainFactory.GetGrain<IEntityGrain>("message:3");

        await message.WriteLabel(Automated("block", "spam", DateTimeOffset.UtcNow) with { ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(3) }, "key:x");

        (await changes.Reader.ReadAsync().AsTask().WaitAsync(Patience)).Current.Enforcement.Should().Be("block");
        var expiry = await changes.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        expiry.Should().Match<EnforcementChanged>(c => c.Previous == "block" && c.Current.Enforcement == "allow");
        (await message.GetHistory(5)).First().Should().Match<LabelChange>(h => h.Kind == LabelChangeKind.Expired && h.Actor == "expiry");
        (await message.GetLabels()).Live.Should().BeEmpty();
        await cluster.StopSilosBeforeClientAsync();
    }

    [Fact]
    public async Task A_saved_catalog_reaches_every_silo_and_a_bad_one_is_refused_whole()
    {
        await using var cluster = await DeployAsync("events_catalog");
        var catalogs = cluster.GrainFactory.GetGrain<IPolicyCatalogGrain>(IPolicyCatalogGrain.DefaultKey);
        var current = await catalogs.Get();

        var refused = await catalogs.Update(current with { Enforcements = [], Policies = [new("Not A Name")] }, current.Version, "user:lead");
        var stale = await catalogs.Update(current, current.Version - 1, "user:lead");
        var saved = await catalogs.Update(current with { EntityTypes = [.. current.EntityTypes, "video"] }, current.Version, "user:lead");

        refused.Accepted.Should().BeFalse();
        refused.Errors.Select(e => e.Field).Should().Contain(["Enforcements", "Policies"]);
        stale.Errors.Should().ContainSingle().Which.Field.Should().Be("Version");
        saved.Should().Match<CatalogUpdateResult>(r => r.Accepted && r.Version == current.Version + 1);
        cluster.Silos.Should().HaveCount(2);
        foreach (var silo in cluster.Silos.Cast<InProcessSiloHandle>())
        {
            silo.SiloHost.Services.GetRequiredService<CatalogCache>().Version.Should().Be(saved.Version);
        }

        (await cluster.GrainFactory.GetGrain<IEntityGrain>("video:1").WriteLabel(Automated("limit", "spam", DateTimeOffset.UtcNow), "key:x"))
            .Outcome.Should().Be(LabelWriteOutcome.Added, "the new entity type is in force");
    }

    private async Task<TestCluster> DeployAsync(string database) =>
        await WardenTestCluster.DeployAsync(await postgres.CreateDatabaseAsync(database), database.Replace('_', '-'));

    private static async Task<System.Threading.Channels.Channel<EnforcementChanged>> SubscribeAsync(TestCluster cluster, string entity)
    {
        var changes = System.Threading.Channels.Channel.CreateUnbounded<EnforcementChanged>();
        var stream = cluster.Client.GetStreamProvider(WardenProviders.Streams)
            .GetStream<EnforcementChanged>(StreamId.Create(WardenStreams.Enforcement, WardenStreams.EnforcementPartition(entity)));
        await stream.SubscribeAsync((change, _) =>
        {
            if (change.Entity == entity && change.Surface == "home_feed")
            {
                changes.Writer.TryWrite(change);
            }

            return Task.CompletedTask;
        });
        return changes;
    }
}
