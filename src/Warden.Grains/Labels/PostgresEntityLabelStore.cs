using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;
using Warden.Abstractions.Labels;

namespace Warden.Grains.Labels;

public sealed class PostgresEntityLabelStore(NpgsqlDataSource db) : IEntityLabelStore
{
    // The state upsert and the history insert are one statement: both happen, or neither.
    private const string WriteSql = """
        WITH saved AS (
            INSERT INTO entity_labels AS e (entity, state, version) VALUES ($1, $2::jsonb, $3 + 1)
            ON CONFLICT (entity) DO UPDATE SET state = EXCLUDED.state, version = e.version + 1, updated_at = now()
             WHERE e.version = $3
            RETURNING version),
        history AS (
            INSERT INTO label_events (entity, kind, source_key, policy, enforcement, label, previous, actor, reason, at)
            SELECT $1, h.* FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::jsonb[], $10::text[], $11::text[], $12::timestamptz[]) AS h
             WHERE EXISTS (SELECT 1 FROM saved))
        SELECT version FROM saved
        """;

    public async Task<(EntityLabelState State, int Version)> ReadAsync(string entity)
    {
        await using var command = db.CreateCommand("SELECT state, version FROM entity_labels WHERE entity = $1");
        command.Parameters.AddWithValue(entity);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? (JsonSerializer.Deserialize<EntityLabelState>(reader.GetString(0), LabelJson.Options)!, reader.GetInt32(1))
            : (new EntityLabelState(), 0);
    }

    public async Task<int> WriteAsync(string entity, EntityLabelState state, int expectedVersion, IReadOnlyList<LabelChange> changes)
    {
        await using var command = db.CreateCommand(WriteSql);
        command.Parameters.AddWithValue(entity);
        command.Parameters.AddWithValue(JsonSerializer.Serialize(state, LabelJson.Options));
        command.Parameters.AddWithValue(expectedVersion);
        PostgresLabelHistory.AddHistoryColumns(command, changes);
        var version = await command.ExecuteScalarAsync();
        return version is int saved
            ? saved
            : throw new InconsistentStateException($"The labels of {entity} changed elsewhere (expected version {expectedVersion}); the entity reloads them.");
    }
}
