using Npgsql;
using NpgsqlTypes;
using Warden.Abstractions.Scoring;
using Warden.Core.Runtime;

namespace Warden.Grains.Scoring;

/// <summary>
/// Content in PostgreSQL. Inserts and updates are group-committed across the silo (one statement per
/// batch); a duplicate idempotency key is found by the insert itself (ON CONFLICT DO NOTHING), so the
/// hot path never reads before it writes.
/// </summary>
public sealed class PostgresContentStore : IContentStore
{
    private const string InsertSql = """
        INSERT INTO content_items (entity, idempotency_key, status, received_at, record)
        SELECT * FROM unnest($1::text[], $2::text[], $3::smallint[], $4::timestamptz[], $5::jsonb[])
        ON CONFLICT DO NOTHING
        RETURNING entity, idempotency_key
        """;

    private const string InsertImagesSql = """
        INSERT INTO content_images (entity, idempotency_key, ordinal, name, bytes)
        SELECT i.* FROM unnest($1::text[], $2::text[], $3::smallint[], $4::text[], $5::bytea[]) AS i(entity, idempotency_key, ordinal, name, bytes)
        JOIN content_items c USING (entity, idempotency_key)
        ON CONFLICT DO NOTHING
        """;

    private const string UpdateSql = """
        UPDATE content_items c SET status = u.status, record = u.record, updated_at = now()
        FROM unnest($1::text[], $2::text[], $3::smallint[], $4::jsonb[]) AS u(entity, idempotency_key, status, record)
        WHERE c.entity = u.entity AND c.idempotency_key = u.idempotency_key
        """;

    private readonly NpgsqlDataSource _db;
    private readonly BatchedWriter<ContentRecord, bool> _inserts;
    private readonly BatchedWriter<ContentRecord, bool> _updates;

    public PostgresContentStore(NpgsqlDataSource db)
    {
        _db = db;
        _inserts = new BatchedWriter<ContentRecord, bool>(InsertBatchAsync, maxInFlight: 2);
        _updates = new BatchedWriter<ContentRecord, bool>(UpdateBatchAsync, maxInFlight: 2);
    }

    public Task<bool> InsertAsync(ContentRecord record) => _inserts.SubmitAsync(record);

    public Task UpdateAsync(ContentRecord record) => _updates.SubmitAsync(record);

    public async Task<ContentRecord?> GetAsync(string entity, string idempotencyKey)
    {
        await using var command = _db.CreateCommand("""
            SELECT c.record, coalesce(array_agg(i.bytes ORDER BY i.ordinal) FILTER (WHERE i.bytes IS NOT NULL), '{}'),
                   coalesce(array_agg(i.name ORDER BY i.ordinal) FILTER (WHERE i.bytes IS NOT NULL), '{}')
            FROM content_items c LEFT JOIN content_images i USING (entity, idempotency_key)
            WHERE c.entity = $1 AND c.idempotency_key = $2
            GROUP BY c.record
            """);
        command.Parameters.AddWithValue(entity);
        command.Parameters.AddWithValue(idempotencyKey);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        var bytes = reader.GetFieldValue<byte[][]>(1);
        var names = reader.GetFieldValue<string?[]>(2);
        return ContentJson.Read(reader.GetString(0), [.. bytes.Select((b, i) => new SubmittedImage(b, names[i]))]);
    }

    public async Task<(ContentRecord Record, IReadOnlyList<string?> ImageNames)?> LatestAsync(string entity)
    {
        await using var command = _db.CreateCommand("""
            SELECT c.record, array(SELECT i.name FROM content_images i
                                   WHERE i.entity = c.entity AND i.idempotency_key = c.idempotency_key ORDER BY i.ordinal)
            FROM content_items c WHERE c.entity = $1 ORDER BY c.received_at DESC LIMIT 1
            """);
        command.Parameters.AddWithValue(entity);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (ContentJson.Read(reader.GetString(0), []), reader.GetFieldValue<string?[]>(1)) : null;
    }

    public async Task<byte[]?> ImageAsync(string entity, string idempotencyKey, int ordinal)
    {
        await using var command = _db.CreateCommand("SELECT bytes FROM content_images WHERE entity = $1 AND idempotency_key = $2 AND ordinal = $3");
        command.Parameters.AddWithValue(entity);
        command.Parameters.AddWithValue(idempotencyKey);
        command.Parameters.AddWithValue((short)ordinal);
        return await command.ExecuteScalarAsync() as byte[];
    }

    public async Task<IReadOnlyList<(string Entity, string IdempotencyKey)>> PendingAsync(DateTimeOffset before, TimeSpan backoff, int limit)
    {
        // Each failed attempt doubles the wait before the next (up to 64 times the first).
        await using var command = _db.CreateCommand(
            "SELECT entity, idempotency_key FROM content_items WHERE (status = 0 OR status = 5) "
            + "AND updated_at < $1 - ($3 * (power(2, least(coalesce((record->>'attempts')::int, 0), 6)) - 1)) * interval '1 second' "
            + "ORDER BY updated_at LIMIT $2");
        command.Parameters.AddWithValue(before);
        command.Parameters.AddWithValue(limit);
        command.Parameters.AddWithValue(backoff.TotalSeconds);
        var pending = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pending.Add((reader.GetString(0), reader.GetString(1)));
        }

        return pending;
    }

    private async Task<IReadOnlyList<bool>> InsertBatchAsync(IReadOnlyList<ContentRecord> records)
    {
        // One batch may carry the same key twice (a client retrying fast): the first wins, later ones are duplicates.
        var firsts = records.DistinctBy(r => (r.Entity, r.Submission.IdempotencyKey)).ToList();
        await using var connection = await _db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var inserted = new HashSet<(string, string)>();
        await using (var command = new NpgsqlCommand(InsertSql, connection, transaction))
        {
            command.Parameters.AddWithValue(firsts.Select(r => r.Entity).ToArray());
            command.Parameters.AddWithValue(firsts.Select(r => r.Submission.IdempotencyKey).ToArray());
            command.Parameters.AddWithValue(firsts.Select(r => (short)r.Status).ToArray());
            command.Parameters.AddWithValue(firsts.Select(r => r.ReceivedAt.UtcDateTime).ToArray());
            command.Parameters.Add(new NpgsqlParameter { Value = firsts.Select(ContentJson.Write).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                inserted.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var images = firsts.Where(r => inserted.Contains((r.Entity, r.Submission.IdempotencyKey)))
            .SelectMany(r => r.Submission.Images.Select((image, i) => (r.Entity, r.Submission.IdempotencyKey, Ordinal: (short)i, image.Name, image.Bytes)))
            .ToList();
        if (images.Count > 0)
        {
            await using var command = new NpgsqlCommand(InsertImagesSql, connection, transaction);
            command.Parameters.AddWithValue(images.Select(i => i.Entity).ToArray());
            command.Parameters.AddWithValue(images.Select(i => i.IdempotencyKey).ToArray());
            command.Parameters.AddWithValue(images.Select(i => i.Ordinal).ToArray());
            command.Parameters.Add(new NpgsqlParameter { Value = images.Select(i => i.Name).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.AddWithValue(images.Select(i => i.Bytes).ToArray());
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        var claimed = new HashSet<(string, string)>();
        return [.. records.Select(r => inserted.Contains((r.Entity, r.Submission.IdempotencyKey)) && claimed.Add((r.Entity, r.Submission.IdempotencyKey)))];
    }

    private async Task<IReadOnlyList<bool>> UpdateBatchAsync(IReadOnlyList<ContentRecord> records)
    {
        // The last update of a key in a batch is the newest.
        var latest = records.GroupBy(r => (r.Entity, r.Submission.IdempotencyKey)).Select(g => g.Last()).ToList();
        await using var command = _db.CreateCommand(UpdateSql);
        command.Parameters.AddWithValue(latest.Select(r => r.Entity).ToArray());
        command.Parameters.AddWithValue(latest.Select(r => r.Submission.IdempotencyKey).ToArray());
        command.Parameters.AddWithValue(latest.Select(r => (short)r.Status).ToArray());
        command.Parameters.Add(new NpgsqlParameter { Value = latest.Select(ContentJson.Write).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync();
        return [.. records.Select(_ => true)];
    }
}
