using System.Text.Json;
using Warden.Abstractions.Queues;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Reviews;

/// <summary>Queue configs saved and training data exported with the <c>warden</c> command, against a cluster on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReviewCliTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("warden-cli-").FullName;

    [Fact]
    public async Task Queues_put_saves_the_samples_and_decisions_export_writes_final_decisions_as_jsonl()
    {
        var database = await postgres.CreateDatabaseAsync("reviews_cli");
        await using var cluster = await WardenTestCluster.DeployAsync(database, "reviews-cli", silos: 1);
        string[] connection = ["--cluster", database, "--service-id", "reviews-cli", "--cluster-id", "reviews-cli-cluster"];
        var bad = Path.Combine(_folder, "bad.json");
        await File.WriteAllTextAsync(bad, """{ "id": "Bad Queue", "objectTypes": [], "surprise": 1 }""");

        var (putCode, putOutput) = await WardenCli.RunAsync([
            "queues", "put", .. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples", "queues"), "*.json"), .. connection]);
        var (badCode, badOutput) = await WardenCli.RunAsync(["queues", "put", bad, .. connection]);
        var (_, againOutput) = await WardenCli.RunAsync(["queues", "put", Path.Combine(RepositoryPaths.Root, "samples", "queues", "spam.json"), "--keep-existing", .. connection]);

        putCode.Should().Be(0, putOutput);
        putOutput.Should().Contain("spam-en: saved as version 1").And.Contain("escalations: saved as version 1");
        badCode.Should().Be(1);
        badOutput.Should().Contain("bad.json").And.Contain("surprise");
        againOutput.Should().Contain("spam-en: kept version 1");

        var queue = cluster.GrainFactory.GetGrain<IQueueGrain>("spam-en");
        await queue.Enqueue(Job("report:1", "pin:1", owner: "user:1"));
        await queue.Enqueue(Job("report:2", "pin:2"));
        await LeaseAndDecideAsync(queue, SpamReviewer("ann"), ("item", "remove"), ("owner", "warn"));
        var lease = (await queue.LeaseNext(SpamReviewer("bob")))!;
        await queue.Decide(lease.JobId, lease.Token, Decision("bob", ("item", "approve")) with { Labels = ["not spam"], Note = "a \"recipe\" pin\n<b>fine</b>" });
        var export = Path.Combine(_folder, "decisions.jsonl");

        var (exportCode, exportOutput) = await WardenCli.RunAsync("decisions", "export", "--cluster", database, "--out", export);
        var (_, allOutput) = await WardenCli.RunAsync("decisions", "export", "--cluster", database, "--all", "--queue", "spam-en");

        exportCode.Should().Be(0, exportOutput);
        var lines = (await File.ReadAllLinesAsync(export)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Should().HaveCount(2);
        lines.Should().OnlyContain(l => l.GetProperty("kind").GetString() == "final" && l.GetProperty("queue").GetString() == "spam-en");
        var approved = lines.Single(l => l.GetProperty("reviewer").GetString() == "bob");
        approved.GetProperty("content")[0].GetProperty("entity").GetString().Should().Be("pin:2");
        approved.GetProperty("labels")[0].GetString().Should().Be("not spam");
        approved.GetProperty("note").GetString().Should().Be("a \"recipe\" pin\n<b>fine</b>");
        lines.Single(l => l.GetProperty("reviewer").GetString() == "ann").GetProperty("actions").GetArrayLength().Should().Be(2);
        allOutput.Should().Contain("exported 4 decisions");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
