using System.Text.Json;
using Npgsql;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Grains.Labels;
using Warden.Grains.Runtime;

namespace Warden.Grains.Reviews;

public sealed class PostgresDecisionLog(NpgsqlDataSource db) : IDecisionLog
{
    private const string Columns = "job_id, queue_id, config_version, kind, reviewer, decided_at, objects, actions, labels, policies, note, reviewers";
    private const string ReadColumns = Columns + ", overturned_by, overturned_at";

    public async Task AppendAsync(IReadOnlyList<DecisionRecord> records)
    {
        await using var command = db.CreateCommand($"""
            INSERT INTO decisions (entities, {Columns})
            SELECT ARRAY(SELECT jsonb_array_elements(r.objects) ->> 'entity'), r.*
              FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::timestamptz[],
                          $7::jsonb[], $8::jsonb[], $9::jsonb[], $10::jsonb[], $11::text[], $12::jsonb[])
                   AS r(job_id, queue_id, config_version, kind, reviewer, decided_at, objects, actions, labels, policies, note, reviewers)
            ON CONFLICT (job_id, kind, reviewer, queue_id) DO NOTHING
            """);
        command.Parameters.AddWithValue(records.Select(r => r.JobId).ToArray());
        command.Parameters.AddWithValue(records.Select(r => r.Queue).ToArray());
        command.Parameters.AddWithValue(records.Select(r => r.ConfigVersion).ToArray());
        command.Parameters.AddWithValue(records.Select(r => r.Kind).ToArray());
        command.Parameters.AddWithValue(records.Select(r => r.Reviewer).ToArray());
        command.Parameters.AddWithValue(records.Select(r => r.DecidedAt).ToArray());
        command.Parameters.AddWithValue(records.Select(r => Json(r.Objects)).ToArray());
        command.Parameters.AddWithValue(records.Select(r => Json(r.Actions)).ToArray());
        command.Parameters.AddWithValue(records.Select(r => Json(r.Labels)).ToArray());
        command.Parameters.AddWithValue(records.Select(r => Json(r.Policies)).ToArray());
        command.Parameters.AddWithValue(records.Select(r => r.Note).ToArray());
        command.Parameters.AddWithValue(records.Select(r => Json(r.Reviewers)).ToArray());
        await command.ExecuteNonQueryAsync();
    }

    public Task<IReadOnlyList<DecisionRecord>> ForJobAsync(string jobId) =>
        QueryAsync($"SELECT {ReadColumns} FROM decisions WHERE job_id = $1 ORDER BY id", jobId);

    public Task<IReadOnlyList<DecisionRecord>> ForEntityAsync(string entity, int limit) =>
        QueryAsync($"SELECT {ReadColumns} FROM decisions WHERE entities @> ARRAY[$1::text] ORDER BY id DESC LIMIT $2", entity, limit);

    public Task<IReadOnlyList<DecisionRecord>> ForQueueAsync(string queue, DateTimeOffset since) =>
        QueryAsync($"SELECT {ReadColumns} FROM decisions WHERE queue_id = $1 AND decided_at >= $2 AND kind IN ('review', 'final') ORDER BY id", queue, since);

    public async Task<IReadOnlyList<DecisionRecord>> MarkOverturnedAsync(string entity, Abstractions.Labels.Label contested, string appealId, DateTimeOffset at)
    {
        if (Core.Appeals.OverturnedDecisions.ReviewQueueOf(contested) is not { } queue)
        {
            var row = Core.Appeals.OverturnedDecisions.LabelDecision(entity, contested, appealId, at);
            await AppendAsync([row]);
            return await QueryAsync($"UPDATE decisions SET overturned_by = $2, overturned_at = $3 WHERE job_id = $1 AND overturned_by IS NULL RETURNING {ReadColumns}", row.JobId, appealId, at);
        }

        // The review job whose final decision, in the queue that wrote the label, came last before it.
        return await QueryAsync($"""
            UPDATE decisions SET overturned_by = $4, overturned_at = $5
             WHERE overturned_by IS NULL AND job_id = (
                   SELECT job_id FROM decisions
                    WHERE entities @> ARRAY[$1::text] AND queue_id = $2 AND kind = 'final' AND decided_at <= $3
                    ORDER BY decided_at DESC LIMIT 1)
            RETURNING {ReadColumns}
            """, entity, queue, contested.CreatedAt, appealId, at);
    }

    /// <summary>Reads a row selected as <see cref="Columns"/>; the export command shares it.</summary>
    public static DecisionRecord Read(NpgsqlDataReader row) => new()
    {
        JobId = row.GetString(0),
        Queue = row.GetString(1),
        ConfigVersion = row.GetInt32(2),
        Kind = row.GetString(3),
        Reviewer = row.GetString(4),
        DecidedAt = row.GetFieldValue<DateTimeOffset>(5),
        Objects = Parse<List<ReviewObject>>(row.GetString(6)),
        Actions = Parse<List<ObjectAction>>(row.GetString(7)),
        Labels = Parse<List<string>>(row.GetString(8)),
        Policies = Parse<List<string>>(row.GetString(9)),
        Note = row.IsDBNull(10) ? null : row.GetString(10),
        Reviewers = Parse<List<string>>(row.GetString(11)),
        OverturnedBy = row.FieldCount > 12 && !row.IsDBNull(12) ? row.GetString(12) : null,
        OverturnedAt = row.FieldCount > 13 && !row.IsDBNull(13) ? row.GetFieldValue<DateTimeOffset>(13) : null,
    };

    public static string SelectColumns => Columns;

    private async Task<IReadOnlyList<DecisionRecord>> QueryAsync(string sql, params object[] values)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        var rows = new List<DecisionRecord>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, StoredJson.Options);

    private static T Parse<T>(string json) => JsonSerializer.Deserialize<T>(json, StoredJson.Options)!;
}
