using System.CommandLine;
using Warden.Client;
using Warden.Grains.Labels.Import;

namespace Warden.Cli;

/// <summary><c>warden labels import FILE</c>: loads a JSONL or CSV label file, reporting progress and rejects.</summary>
internal static class LabelsImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Label file: .jsonl (one JSON object a line) or .csv (header: " + Core.Labels.Import.LabelFileReader.CsvHeader + ")" };
        var parallelism = new Option<int>("--parallelism") { Description = "Entities written at once", DefaultValueFactory = _ => 64 };
        var actor = new Option<string?>("--actor") { Description = "Recorded as who made each change (default: import:<file name>)" };
        var rejected = new Option<string?>("--rejected") { Description = "Where rejected rows and their reasons go (default: FILE.rejected.jsonl)" };
        var connection = new ConnectionOptions();
        var command = new Command("import", "Load a file of labels; re-running the same file changes nothing") { file, parallelism, actor, rejected };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"No such file: {path.FullName}");
                return 2;
            }

            await using var client = await WardenClient.ConnectAsync(connection.Read(parse), cancellationToken);
            var importer = new LabelImporter(client.Grains, new LabelImportOptions
            {
                Actor = parse.GetValue(actor) ?? "import:" + path.Name,
                Parallelism = Math.Max(1, parse.GetValue(parallelism)),
                RejectedRowsPath = parse.GetValue(rejected),
            });
            var report = await importer.ImportAsync(path.FullName, new Progress<ImportReport>(r => Console.Error.WriteLine(r)), cancellationToken);
            Console.WriteLine(report);
            return report.Count(Abstractions.Labels.LabelWriteOutcome.Rejected) > 0 ? 1 : 0;
        });
        return command;
    }
}
