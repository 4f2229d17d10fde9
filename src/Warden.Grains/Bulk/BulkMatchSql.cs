using Npgsql;
using NpgsqlTypes;
using Warden.Abstractions.Bulk;

namespace Warden.Grains.Bulk;

/// <summary>
/// The SQL that finds the entities a <see cref="BulkQuery"/> matches: live labels in <c>entity_labels</c>,
/// label history in <c>label_events</c>, or final decisions in <c>decisions</c>. Absent filters pass.
/// </summary>
public static class BulkMatchSql
{
    /// <summary>A <c>SELECT DISTINCT entity</c> over the query's origin, its parameters appended to <paramref name="parameters"/>.</summary>
    public static string Select(BulkQuery query, List<NpgsqlParameter> parameters)
    {
        string Param(object? value, NpgsqlDbType type)
        {
            parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = type });
            return $"${parameters.Count}";
        }

        var prefix = query.Source is { } s && s.EndsWith('*') ? s[..^1].Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%" : null;
        var source = Param(prefix is null ? query.Source : null, NpgsqlDbType.Text);
        var like = Param(prefix, NpgsqlDbType.Text);
        var policy = Param(query.Policy, NpgsqlDbType.Text);
        var enforcement = Param(query.Enforcement, NpgsqlDbType.Text);
        var from = Param(query.From, NpgsqlDbType.TimestampTz);
        var to = Param(query.To, NpgsqlDbType.TimestampTz);
        var type = Param(query.EntityType is null ? null : query.EntityType + ":%", NpgsqlDbType.Text);
        return query.Origin switch
        {
            "history" => $"""
                SELECT DISTINCT entity FROM label_events
                 WHERE kind IN ('added', 'replaced')
                   AND ({source}::text IS NULL OR source_key = {source}) AND ({like}::text IS NULL OR source_key LIKE {like})
                   AND ({policy}::text IS NULL OR policy = {policy}) AND ({enforcement}::text IS NULL OR enforcement = {enforcement})
                   AND ({from}::timestamptz IS NULL OR at >= {from}) AND ({to}::timestamptz IS NULL OR at < {to})
                   AND ({type}::text IS NULL OR entity LIKE {type})
                """,
            "decisions" => $"""
                SELECT DISTINCT o.entity FROM decisions d, unnest(d.entities) AS o(entity)
                 WHERE d.kind = 'final'
                   AND ({Param(query.Queue, NpgsqlDbType.Text)}::text IS NULL OR d.queue_id = ${parameters.Count})
                   AND ({source}::text IS NULL OR d.reviewer = {source}) AND ({like}::text IS NULL OR d.reviewer LIKE {like})
                   AND ({policy}::text IS NULL OR d.policies ? {policy})
                   AND ({from}::timestamptz IS NULL OR d.decided_at >= {from}) AND ({to}::timestamptz IS NULL OR d.decided_at < {to})
                   AND ({type}::text IS NULL OR o.entity LIKE {type})
                """,
            _ => $"""
                SELECT DISTINCT e.entity FROM entity_labels e, jsonb_each(e.state -> 'live') AS l(source_key, label)
                 WHERE ({source}::text IS NULL OR l.source_key = {source}) AND ({like}::text IS NULL OR l.source_key LIKE {like})
                   AND ({policy}::text IS NULL OR l.label ->> 'policy' = {policy}) AND ({enforcement}::text IS NULL OR l.label ->> 'enforcement' = {enforcement})
                   AND ({from}::timestamptz IS NULL OR (l.label ->> 'createdAt')::timestamptz >= {from})
                   AND ({to}::timestamptz IS NULL OR (l.label ->> 'createdAt')::timestamptz < {to})
                   AND ({type}::text IS NULL OR e.entity LIKE {type})
                """,
        };
    }
}
