using Warden.Abstractions.Labels;
using Warden.Core.Labels.Import;

namespace Warden.Core.Tests.Labels;

public sealed class LabelFileReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("warden-labels-").FullName;

    [Fact]
    public async Task Json_lines_become_labels_and_unreadable_lines_become_errors_with_their_line()
    {
        var path = Write("labels.jsonl",
            """{"entity":"pin:1","source":{"system":"spam-model","kind":"automated","name":"v7"},"enforcement":"limit","policy":"spam","createdAt":"2026-11-01T10:00:00Z","confidence":0.8,"evidence":"<b>hi</b>"}""",
            "",
            """{"entity":"pin:2","source":{"system":"review","kind":"human","name":"jane"},"enforcement":"block","policy":"porn","createdAt":"2026-11-01T10:00:00+01:00","expiresAt":"2026-12-01T00:00:00Z"}""",
            """{"entity":"pin:3","source":{"system":"x","kind":"robot","name":"v1"},"policy":"spam","createdAt":"yesterday","confidence":"high"}""",
            "{not json");

        var rows = await ReadAllAsync(path);

        rows.Select(r => r.Line).Should().Equal(1, 3, 4, 5);
        rows[0].Label.Should().BeEquivalentTo(new Label
        {
            Source = new LabelSource("spam-model", SourceKind.Automated, "v7"),
            Enforcement = "limit",
            Policy = "spam",
            CreatedAt = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero),
            Confidence = 0.8,
            Evidence = "<b>hi</b>",
        });
        rows[1].Label!.CreatedAt.Should().Be(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        rows[1].Label!.Source.Kind.Should().Be(SourceKind.Human);
        rows[2].Errors.Select(e => e.Field).Should().BeEquivalentTo(["source.kind", "enforcement", "createdAt", "confidence"]);
        rows[3].Errors.Should().ContainSingle().Which.Message.Should().Contain("not valid JSON");
    }

    [Fact]
    public async Task Csv_with_a_header_reads_quoted_fields_and_empty_optionals()
    {
        var path = Write("labels.csv",
            LabelFileReader.CsvHeader,
            "pin:1,spam-model,automated,v7,limit,spam,2026-11-01T10:00:00Z,,0.5,\"evidence, with \"\"quotes\"\"\"",
            "pin:2,review,human,jane,block,porn,,,,");

        var rows = await ReadAllAsync(path);

        rows[0].Label!.Evidence.Should().Be("evidence, with \"quotes\"");
        rows[0].Label!.ExpiresAt.Should().BeNull();
        rows[0].Line.Should().Be(2);
        rows[1].Errors.Should().ContainSingle().Which.Field.Should().Be("createdAt");
    }

    [Fact]
    public async Task A_csv_without_the_expected_header_is_refused_naming_the_missing_columns()
    {
        var path = Write("labels.csv", "entity,policy", "pin:1,spam");

        var read = () => ReadAllAsync(path);

        (await read.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Contain("source_system");
    }

    [Fact]
    public void Other_file_types_are_refused()
    {
        var read = () => LabelFileReader.ReadAsync("labels.xml");

        read.Should().Throw<ArgumentException>().WithMessage("*.jsonl or .csv*");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static async Task<List<LabelFileRow>> ReadAllAsync(string path)
    {
        var rows = new List<LabelFileRow>();
        await foreach (var row in LabelFileReader.ReadAsync(path))
        {
            rows.Add(row);
        }

        return rows;
    }
}
