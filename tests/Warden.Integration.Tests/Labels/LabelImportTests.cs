using Npgsql;
using Warden.Abstractions.Labels;
using Warden.Grains.Labels.Import;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;
using Xunit.Abstractions;

namespace Warden.Integration.Tests.Labels;

[Collection(PostgresCollection.Name)]
public sealed class LabelImportTests(PostgresFixture postgres, ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("warden-import-").FullName;

    [Fact]
    public async Task A_million_rows_import_once_and_a_rerun_changes_nothing()
    {
        const int entities = 100_000, sources = 10, rejectEvery = 250_000;
        var file = Path.Combine(_folder, "labels.jsonl");
        var expectedRejects = SyntheticLabelFile.Write(file, entities, sources, rejectEvery);
        var connectionString = await postgres.CreateDatabaseAsync("import_million");
        await using var cluster = await WardenTestCluster.DeployAsync(connectionString, "import-million");
        var importer = new LabelImporter(cluster.Client, new LabelImportOptions { Actor = "import:labels.jsonl" });

        var first = await importer.ImportAsync(file);
        var eventsAfterFirst = await CountEventsAsync(connectionString);
        var second = await importer.ImportAsync(file);
        output.WriteLine($"first import: {first}");
        output.WriteLine($"re-import:    {second}");

        first.Rows.Should().Be(entities * sources + 1);
        first.Count(LabelWriteOutcome.Added).Should().Be(entities * sources - (expectedRejects - 1));
        first.Count(LabelWriteOutcome.Rejected).Should().Be(expectedRejects);
        second.Count(LabelWriteOutcome.Unchanged).Should().Be(first.Count(LabelWriteOutcome.Added));
        second.Count(LabelWriteOutcome.Added).Should().Be(0);
        eventsAfterFirst.Should().Be(first.Count(LabelWriteOutcome.Added));
        (await CountEventsAsync(connectionString)).Should().Be(eventsAfterFirst, "a rerun writes no history");

        var rejected = await File.ReadAllLinesAsync(first.RejectedRowsPath);
        rejected.Should().HaveCount((int)expectedRejects);
        rejected.Should().Contain(l => l.Contains("\"line\":250000") && l.Contains("no_such_policy"));
        rejected.Should().Contain(l => l.Contains("not valid JSON"));
        // Rows 123451..123460; no rejected row (every 250,000th) falls among them.
        var sample = await cluster.GrainFactory.GetGrain<IEntityGrain>("pin:12345").GetLabels();
        sample.Live.Should().HaveCount(sources);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<long> CountEventsAsync(string connectionString)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using var command = db.CreateCommand("SELECT count(*) FROM label_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
