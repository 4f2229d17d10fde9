using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Runtime;
using Warden.Core.Runtime;
using Warden.Grains.Events;
using Warden.Grains.Runtime;

namespace Warden.Grains.Labels;

/// <summary>
/// Entity labels on PostgreSQL. Writes from all of a silo's entities are group-committed: one statement
/// upserts every entity of the batch under its own optimistic version and inserts the history rows of
/// exactly those entities whose version matched, with their enforcement events in the outbox, so for each
/// entity state, history and events land together or not at all.
/// </summary>
public sealed class PostgresEntityLabelStore : IEntityLabelStore
{
    private const string WriteSql = """
        WITH input AS (
            SELECT * FROM unnest($1::text[], $2::jsonb[], $3::int[]) AS i(entity, state, expected)),
        saved AS (
            INSERT INTO entity_labels AS e (entity, state, version) SELECT entity, state, expected + 1 FROM input
            ON CONFLICT (entity) DO UPDATE SET state = EXCLUDED.state, version = e.version + 1, updated_at = now()
             WHERE e.version = EXCLUDED.version - 1
            RETURNING entity, version),
        history AS (
            INSERT INTO label_events (entity, kind, source_key, policy, enforcement, label, previous, actor, reason, at)
            SELECT h.* FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::jsonb[], $11::text[], $12::text[], $13::timestamptz[])
                   AS h(entity, kind, source_key, policy, enforcement, label, previous, actor, reason, at)
             WHERE h.entity IN (SELECT entity FROM saved)),
        outbox AS (
            INSERT INTO warden_outbox (stream, stream_key, event_id, payload)
            SELECT 'warden.enforcement', o.stream_key, o.event_id, o.payload
              FROM unnest($14::text[], $15::text[], $16::text[], $17::bytea[]) WITH ORDINALITY AS o(entity, stream_key, event_id, payload, n)
             WHERE o.entity IN (SELECT entity FROM saved)
             ORDER BY o.n)
        SELECT entity, version FROM saved
        """;

    private readonly NpgsqlDataSource _db;
    private readonly PostgresEventOutbox _outbox;
    private readonly OutboxSignal _signal;
    private readonly BatchedWriter<Write, int?> _writer;
    private readonly BatchedWriter<string, (string? State, int Version)> _reader;

    public PostgresEntityLabelStore(NpgsqlDataSource db, PostgresEventOutbox outbox, OutboxSignal signal)
    {
        _db = db;
        _outbox = outbox;
        _signal = signal;
        _writer = new BatchedWriter<Write, int?>(WriteBatchAsync, maxInFlight: 2);
        // Activations read the same way: entities activated together (a batch read, a burst of cold reads)
        // share one statement instead of one round trip each.
        _reader = new BatchedWriter<string, (string?, int)>(ReadBatchAsync);
    }

    public async Task<(EntityLabelState State, int Version)> ReadAsync(string entity)
    {
        var (state, version) = await _reader.SubmitAsync(entity);
        // Parsed here, in the grain's turn, so a batch's parsing is spread over the callers.
        return state is null ? (new EntityLabelState(), 0) : (JsonSerializer.Deserialize<EntityLabelState>(state, StoredJson.Options)!, version);
    }

    private async Task<IReadOnlyList<(string?, int)>> ReadBatchAsync(IReadOnlyList<string> entities)
    {
        await using var command = _db.CreateCommand("SELECT entity, state, version FROM entity_labels WHERE entity = ANY($1)");
        command.Parameters.AddWithValue(entities.Distinct(StringComparer.Ordinal).ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var found = new Dictionary<string, (string?, int)>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            found[reader.GetString(0)] = (reader.GetString(1), reader.GetInt32(2));
        }

        return [.. entities.Select(e => found.TryGetValue(e, out var row) ? row : (null, 0))];
    }

    public async Task<int> WriteAsync(string entity, EntityLabelState state, int expectedVersion, IReadOnlyList<LabelChange> changes, IReadOnlyList<EnforcementChanged> events)
    {
        // Serialized here, in the grain's turn: the state object changes again once the grain moves on.
        var outbox = events.Select(e => (e.EventId, _outbox.Serialize(e))).ToList();
        var saved = await _writer.SubmitAsync(new Write(entity, JsonSerializer.Serialize(state, StoredJson.Options), expectedVersion, changes, outbox));
        if (saved is not null && outbox.Count > 0)
        {
            _signal.Nudge();
        }

        return saved ?? throw new InconsistentStateException($"The labels of {entity} changed elsewhere (expected version {expectedVersion}); the entity reloads them.");
    }

    private async Task<IReadOnlyList<int?>> WriteBatchAsync(IReadOnlyList<Write> batch)
    {
        await using var command = _db.CreateCommand(WriteSql);
        command.Parameters.AddWithValue(batch.Select(w => w.Entity).ToArray());
        command.Parameters.AddWithValue(batch.Select(w => w.State).ToArray());
        command.Parameters.AddWithValue(batch.Select(w => w.ExpectedVersion).ToArray());
        var changes = batch.SelectMany(w => w.Changes).ToList();
        AddText(command, changes.Select(c => c.Entity));
        PostgresLabelHistory.AddHistoryColumns(command, changes);
        var events = batch.SelectMany(w => w.Events.Select(e => (w.Entity, e.EventId, e.Payload))).ToList();
        AddText(command, events.Select(e => e.Entity));
        AddText(command, events.Select(e => WardenStreams.EnforcementPartition(e.Entity)));
        AddText(command, events.Select(e => e.EventId));
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. events.Select(e => e.Payload)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                versions[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        return [.. batch.Select(w => versions.TryGetValue(w.Entity, out var version) ? version : (int?)null)];
    }

    private static void AddText(NpgsqlCommand command, IEnumerable<string> values) =>
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });

    private sealed record Write(string Entity, string State, int ExpectedVersion, IReadOnlyList<LabelChange> Changes, IReadOnlyList<(string EventId, byte[] Payload)> Events);
}
