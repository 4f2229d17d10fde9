using Npgsql;
using Orleans.Serialization;
using Warden.Abstractions.Labels;

namespace Warden.Grains.Events;

/// <summary>
/// The <c>warden_outbox</c> table (deploy/sql/150-warden-outbox.sql). Rows are taken, published and
/// deleted in one transaction, so a relay that dies mid-way leaves them for the next one. One relay in
/// the cluster works at a time (an advisory lock), which keeps events in the order they were stored.
/// </summary>
public sealed class PostgresEventOutbox(NpgsqlDataSource db, Serializer<EnforcementChanged> serializer) : IEventOutbox
{
    public const string Stream = "warden.enforcement";

    private const string TakeSql = """
        DELETE FROM warden_outbox WHERE id IN (SELECT id FROM warden_outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, payload
        """;

    public byte[] Serialize(EnforcementChanged change) => serializer.SerializeToArray(change);

    public async Task<int> RelayAsync(int max, Func<IReadOnlyList<EnforcementChanged>, Task> publish, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(hashtext('warden_outbox_relay'))", connection, transaction))
        {
            if (await lockCommand.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return 0;
            }
        }

        var taken = new List<(long Id, byte[] Payload)>();
        await using (var take = new NpgsqlCommand(TakeSql, connection, transaction))
        {
            take.Parameters.AddWithValue(max);
            await using var reader = await take.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                taken.Add((reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)));
            }
        }

        if (taken.Count == 0)
        {
            return 0;
        }

        await publish([.. taken.OrderBy(t => t.Id).Select(t => serializer.Deserialize(t.Payload)!)]);
        await transaction.CommitAsync(cancellationToken);
        return taken.Count;
    }

    public async Task<long> PendingAsync(CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("SELECT count(*) FROM warden_outbox");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
