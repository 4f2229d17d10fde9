using System.CommandLine;
using System.Text.Json;
using Npgsql;

namespace Warden.Cli;

/// <summary>
/// <c>warden decisions export</c>: the decisions log as training data, one JSON object per line
/// (content references, actions, labels, policies), streamed in id order so it never holds the table in memory.
/// </summary>
internal static class DecisionsExportCommand
{
    private const int Page = 5000;

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
            var rows = await ExportAsync(db, writer, parse.GetValue(queue), parse.GetValue(since), parse.GetValue(all), cancellationToken);
            await Console.Error.WriteLineAsync($"exported {rows} decisions");
            return 0;
        });
        return command;
    }

    public static async Task<long> ExportAsync(NpgsqlDataSource db, TextWriter writer, string? queue, DateTimeOffset? since, bool all, CancellationToken cancellationToken)
    {
        long rows = 0, lastId = 0;
        while (true)
        {
            await using var command = db.CreateCommand("""
                SELECT id, job_id, queue_id, config_version, kind, reviewer, decided_at, objects::text, actions::text, labels::text, policies::text, note, reviewers::text
                  FROM decisions
                 WHERE id > $1 AND ($2::text IS NULL OR queue_id = $2) AND ($3::timestamptz IS NULL OR decided_at >= $3) AND ($4 OR kind = 'final')
                 ORDER BY id LIMIT $5
                """);
            command.Parameters.AddWithValue(lastId);
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)queue ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)since ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            command.Parameters.AddWithValue(all);
            command.Parameters.AddWithValue(Page);
            var read = 0;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    lastId = reader.GetInt64(0);
                    read++;
                    await writer.WriteLineAsync(Line(reader));
                }
            }

            rows += read;
            if (read < Page)
            {
                return rows;
            }
        }
    }

    private static string Line(NpgsqlDataReader row)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("jobId", row.GetString(1));
            json.WriteString("queue", row.GetString(2));
            json.WriteNumber("configVersion", row.GetInt32(3));
            json.WriteString("kind", row.GetString(4));
            json.WriteString("reviewer", row.GetString(5));
            json.WriteString("decidedAt", row.GetFieldValue<DateTimeOffset>(6));
            json.WritePropertyName("content");
            JsonDocument.Parse(row.GetString(7)).WriteTo(json);
            foreach (var (name, column) in new[] { ("actions", 8), ("labels", 9), ("policies", 10), ("reviewers", 12) })
            {
                json.WritePropertyName(name);
                JsonDocument.Parse(row.GetString(column)).WriteTo(json);
            }

            if (!row.IsDBNull(11))
            {
                json.WriteString("note", row.GetString(11));
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
