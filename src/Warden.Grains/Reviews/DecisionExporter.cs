using System.Text.Json;
using Npgsql;

namespace Warden.Grains.Reviews;

/// <summary>
/// The decisions log as training data, one JSON object per line (content references, actions, labels,
/// policies, reviewers, note; overturned decisions marked as hard examples with the appeal that
/// overturned them), read in id order a page at a time so it never holds the table in memory.
/// Shared by <c>warden decisions export</c> and the HTTP facade.
/// </summary>
public static class DecisionExporter
{
    private const int Page = 5000;

    public static async Task<long> ExportAsync(NpgsqlDataSource db, TextWriter writer, string? queue, DateTimeOffset? since, bool all, CancellationToken cancellationToken)
    {
        long rows = 0, lastId = 0;
        while (true)
        {
            await using var command = db.CreateCommand("""
                SELECT id, job_id, queue_id, config_version, kind, reviewer, decided_at, objects::text, actions::text, labels::text, policies::text, note, reviewers::text,
                       overturned_by, overturned_at
                  FROM decisions
                 WHERE id > $1 AND ($2::text IS NULL OR queue_id = $2) AND ($3::timestamptz IS NULL OR decided_at >= $3) AND ($4 OR kind IN ('final', 'label'))
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

            // An appeal overturned it: the decision was wrong, which makes it the most useful example to train on.
            json.WriteBoolean("hardExample", !row.IsDBNull(13));
            if (!row.IsDBNull(13))
            {
                json.WriteString("overturnedBy", row.GetString(13));
                json.WriteString("overturnedAt", row.GetFieldValue<DateTimeOffset>(14));
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
