using System.CommandLine;
using System.Text.Json;
using Npgsql;
using Warden.Grains.Reviews;

namespace Warden.Cli;

/// <summary>
/// <c>warden decisions export</c>: the decisions log as training data, one JSON object per line
/// (content references, actions, labels, policies), streamed in id order so it never holds the table in memory.
/// </summary>
internal static class DecisionsExportCommand
{
    public static Command Create()
    {
        var cluster = new Option<string?>("--cluster")
        {
            Description = "PostgreSQL connection string of the deployment (default: $WARDEN_CONNECTION_STRING)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("WARDEN_CONNECTION_STRING"),
        };
        var output = new Option<FileInfo?>("--out") { Description = "Where the JSONL goes (default: standard output)" };
        var queue = new Option<string?>("--queue") { Description = "Only this queue's decisions" };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Decided at or after (ISO 8601)" };
        var all = new Option<bool>("--all") { Description = "Each reviewer's decision too, not only final ones" };
        var command = new Command("export", "Export decisions as JSONL training data") { cluster, output, queue, since, all };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(parse.GetValue(cluster)))
            {
                await Console.Error.WriteLineAsync("--cluster (or WARDEN_CONNECTION_STRING) is required: decisions live in PostgreSQL.");
                return 2;
            }

            await using var db = NpgsqlDataSource.Create(parse.GetValue(cluster)!);
            var file = parse.GetValue(output);
            await using var writer = file is null ? new StreamWriter(Console.OpenStandardOutput()) : new StreamWriter(file.FullName);
            var rows = await DecisionExporter.ExportAsync(db, writer, parse.GetValue(queue), parse.GetValue(since), parse.GetValue(all), cancellationToken);
            await Console.Error.WriteLineAsync($"exported {rows} decisions");
            return 0;
        });
        return command;
    }
}
