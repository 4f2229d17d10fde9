using Npgsql;
using NpgsqlTypes;
using Warden.Abstractions.Labels;
using Warden.Grains.Runtime;

namespace Warden.Grains.Labels;

public sealed class PostgresLabelHistory(NpgsqlDataSource db) : ILabelHistory
{
    private const string Columns = "entity, kind, label, previous, actor, reason, at";

    public async Task<IReadOnlyList<LabelChange>> ForEntityAsync(string entity, int limit)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM label_events WHERE entity = $1 ORDER BY id DESC LIMIT $2");
        command.Parameters.AddWithValue(entity);
        command.Parameters.AddWithValue(limit);
        return await ReadAsync(command);
    }

    public async Task<IReadOnlyList<LabelChange>> BySourceAsync(string sourceKey, DateTimeOffset from, DateTimeOffset to, int limit)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM label_events WHERE source_key = $1 AND at >= $2 AND at < $3 ORDER BY at DESC, id DESC LIMIT $4");
        command.Parameters.AddWithValue(sourceKey);
        command.Parameters.AddWithValue(from);
        command.Parameters.AddWithValue(to);
        command.Parameters.AddWithValue(limit);
        return await ReadAsync(command);
    }

    /// <summary>The columns after <c>entity</c>, as arrays in table order, for an unnest insert.</summary>
    internal static void AddHistoryColumns(NpgsqlCommand command, IReadOnlyList<LabelChange> changes)
    {
        Add(command, changes.Select(c => LabelChangeKinds.Name(c.Kind)));
        Add(command, changes.Select(c => c.Label.Source.Key));
        Add(command, changes.Select(c => c.Label.Policy));
        Add(command, changes.Select(c => c.Label.Enforcement));
        Add(command, changes.Select(c => StoredJson.Write(c.Label)));
        Add(command, changes.Select(c => c.Previous is null ? null : StoredJson.Write(c.Previous)));
        Add(command, changes.Select(c => c.Actor));
        Add(command, changes.Select(c => c.Reason));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. changes.Select(c => c.At)] });
    }

    private static void Add(NpgsqlCommand command, IEnumerable<string?> values) =>
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });

    private static async Task<IReadOnlyList<LabelChange>> ReadAsync(NpgsqlCommand command)
    {
        var changes = new List<LabelChange>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            changes.Add(new LabelChange
            {
                Entity = reader.GetString(0),
                Kind = LabelChangeKinds.Parse(reader.GetString(1)),
                Label = StoredJson.Read<Label>(reader.GetString(2)),
                Previous = reader.IsDBNull(3) ? null : StoredJson.Read<Label>(reader.GetString(3)),
                Actor = reader.GetString(4),
                Reason = reader.IsDBNull(5) ? null : reader.GetString(5),
                At = reader.GetFieldValue<DateTimeOffset>(6),
            });
        }

        return changes;
    }
}
