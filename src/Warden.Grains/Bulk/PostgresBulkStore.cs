using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Warden.Abstractions.Bulk;
using Warden.Core.Bulk;
using Warden.Grains.Labels;
using Warden.Grains.Runtime;

namespace Warden.Grains.Bulk;

/// <summary>Bulk operations and their entities in PostgreSQL (<c>bulk_operations</c>, <c>bulk_items</c>).</summary>
public sealed class PostgresBulkStore(NpgsqlDataSource db)
{
    private const int FailuresShown = 20;

    public async Task<(long Count, IReadOnlyList<string> Sample)> PreviewAsync(BulkQuery query, int sample)
    {
        var parameters = new List<NpgsqlParameter>();
        var match = BulkMatchSql.Select(query, parameters);
        await using var command = db.CreateCommand($"""
            WITH matched AS ({match})
            SELECT (SELECT count(*) FROM matched), ARRAY(SELECT entity FROM matched ORDER BY entity LIMIT {sample})
            """);
        command.Parameters.AddRange(parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetFieldValue<string[]>(1));
    }

    /// <summary>Records the operation and fixes its entities in one transaction; false when the id exists.</summary>
    public async Task<bool> CreateAsync(string id, BulkRequest request, DateTimeOffset now)
    {
        var parameters = new List<NpgsqlParameter>();
        var match = BulkMatchSql.Select(request.Query, parameters);
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO bulk_operations (id, query, action, actor, status, matched, parallelism, created_at)
            VALUES ($1, $2::jsonb, $3::jsonb, $4, $5, 0, $6, $7) ON CONFLICT (id) DO NOTHING
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue(id);
            insert.Parameters.AddWithValue(Json(request.Query));
            insert.Parameters.AddWithValue(Json(request.Action));
            insert.Parameters.AddWithValue(request.Actor);
            insert.Parameters.AddWithValue((short)BulkStatus.Running);
            insert.Parameters.AddWithValue(request.Parallelism);
            insert.Parameters.AddWithValue(now);
            if (await insert.ExecuteNonQueryAsync() == 0)
            {
                return false;
            }
        }

        parameters.Add(new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Varchar });
        await using (var items = new NpgsqlCommand($"""
            WITH added AS (INSERT INTO bulk_items (operation_id, entity) SELECT ${parameters.Count}, entity FROM ({match}) m RETURNING 1)
            UPDATE bulk_operations SET matched = (SELECT count(*) FROM added) WHERE id = ${parameters.Count}
            """, connection, transaction))
        {
            items.Parameters.AddRange(parameters.ToArray());
            await items.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return true;
    }

    public async Task<BulkOperationInfo?> GetAsync(string id) => (await ReadAsync("WHERE o.id = $1", id, 1)).FirstOrDefault();

    public Task<IReadOnlyList<BulkOperationInfo>> ListAsync(int limit) => ReadAsync("WHERE $1::text IS NULL", null, limit);

    /// <summary>The next entities (after <paramref name="after"/>, in order) that have <paramref name="outcome"/>, with the label each one's removal saved.</summary>
    public async Task<IReadOnlyList<(string Entity, string? Previous)>> NextAsync(string id, BulkOutcome outcome, string after, int limit)
    {
        await using var command = db.CreateCommand("""
            SELECT entity, previous::text FROM bulk_items
             WHERE operation_id = $1 AND outcome = $2 AND entity > $3 ORDER BY entity LIMIT $4
            """);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue((short)outcome);
        command.Parameters.AddWithValue(after);
        command.Parameters.AddWithValue(limit);
        var rows = new List<(string, string?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>Stores a batch of outcomes in one statement.</summary>
    public async Task RecordAsync(string id, IReadOnlyList<(string Entity, BulkOutcome Outcome, string? Previous, string? Error)> outcomes)
    {
        await using var command = db.CreateCommand("""
            UPDATE bulk_items b SET outcome = u.outcome, previous = coalesce(u.previous::jsonb, b.previous), error = u.error
              FROM unnest($2::text[], $3::smallint[], $4::text[], $5::text[]) AS u(entity, outcome, previous, error)
             WHERE b.operation_id = $1 AND b.entity = u.entity
            """);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(outcomes.Select(o => o.Entity).ToArray());
        command.Parameters.AddWithValue(outcomes.Select(o => (short)o.Outcome).ToArray());
        command.Parameters.Add(new NpgsqlParameter { Value = outcomes.Select(o => o.Previous).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = outcomes.Select(o => o.Error).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync();
    }

    public async Task SetStatusAsync(string id, BulkStatus status, DateTimeOffset now)
    {
        await using var command = db.CreateCommand("""
            UPDATE bulk_operations SET status = $2,
                   finished_at = CASE WHEN $2 = 2 THEN $3 ELSE finished_at END,
                   undone_at = CASE WHEN $2 = 4 THEN $3 ELSE undone_at END
             WHERE id = $1
            """);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue((short)status);
        command.Parameters.AddWithValue(now);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Operations still running or undoing: what a restarted silo resumes.</summary>
    public async Task<IReadOnlyList<string>> UnfinishedAsync()
    {
        await using var command = db.CreateCommand("SELECT id FROM bulk_operations WHERE status IN (1, 3)");
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task<IReadOnlyList<BulkOperationInfo>> ReadAsync(string where, string? id, int limit)
    {
        await using var command = db.CreateCommand($"""
            SELECT o.id, o.query::text, o.action::text, o.actor, o.status, o.matched, o.created_at, o.finished_at, o.undone_at,
                   (SELECT coalesce(jsonb_object_agg(outcome, n), jsonb_build_object())::text FROM (SELECT outcome, count(*) n FROM bulk_items WHERE operation_id = o.id GROUP BY outcome) c),
                   ARRAY(SELECT entity || ': ' || error FROM bulk_items WHERE operation_id = o.id AND error IS NOT NULL ORDER BY entity LIMIT {FailuresShown}),
                   o.parallelism
              FROM bulk_operations o {where} ORDER BY o.created_at DESC LIMIT {limit}
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)id ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        var rows = new List<BulkOperationInfo>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var counts = JsonSerializer.Deserialize<Dictionary<string, long>>(reader.GetString(9))!;
            rows.Add(new BulkOperationInfo
            {
                Id = reader.GetString(0),
                Query = JsonSerializer.Deserialize<BulkQuery>(reader.GetString(1), StoredJson.Options)!,
                Action = JsonSerializer.Deserialize<BulkAction>(reader.GetString(2), StoredJson.Options)!,
                Actor = reader.GetString(3),
                Status = (BulkStatus)reader.GetInt16(4),
                Matched = reader.GetInt64(5),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(6),
                FinishedAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                UndoneAt = reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                Outcomes = Enum.GetValues<BulkOutcome>().ToDictionary(o => Name(o), o => counts.GetValueOrDefault(((short)o).ToString(System.Globalization.CultureInfo.InvariantCulture))),
                Failures = [.. reader.GetFieldValue<string[]>(10)],
                Parallelism = reader.GetInt32(11),
            });
        }

        return rows;
    }

    public static string Name(BulkOutcome outcome) => outcome switch
    {
        BulkOutcome.UndoSkipped => "undo-skipped",
        BulkOutcome.UndoFailed => "undo-failed",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, StoredJson.Options);
}
