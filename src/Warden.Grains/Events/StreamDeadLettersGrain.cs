using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Warden.Abstractions.Events;
using Warden.Abstractions.Runtime;

namespace Warden.Grains.Events;

/// <summary>Reads and replays <c>OrleansStreamDeadLetter</c> rows of this service (cluster mode only).</summary>
[StatelessWorker]
public sealed class StreamDeadLettersGrain(IServiceProvider services, IOptions<ClusterOptions> cluster) : Grain, IStreamDeadLettersGrain
{
    public const int MaxPage = 500;

    private const string ReplaySql = """
        WITH moved AS (
            DELETE FROM OrleansStreamDeadLetter
             WHERE ServiceId = $1 AND (cardinality($2::bigint[]) = 0 OR MessageId = ANY($2))
            RETURNING ServiceId, ProviderId, QueueId, CreatedOn, Payload)
        INSERT INTO OrleansStreamMessage (ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, Payload)
        SELECT ServiceId, ProviderId, QueueId, nextval('OrleansStreamMessageSequence'), 0, now(), now() + make_interval(secs => $3), CreatedOn, now(), Payload
          FROM moved
        """;

    private NpgsqlDataSource? Db => services.GetService<NpgsqlDataSource>();

    public async Task<long> Count()
    {
        if (Db is not { } db)
        {
            return 0;
        }

        await using var command = db.CreateCommand("SELECT count(*) FROM OrleansStreamDeadLetter WHERE ServiceId = $1");
        command.Parameters.AddWithValue(cluster.Value.ServiceId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<StreamDeadLetter>> List(int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (limit is < 1 or > MaxPage)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"limit must be between 1 and {MaxPage}");
        }

        if (Db is not { } db)
        {
            return [];
        }

        await using var command = db.CreateCommand("""
            SELECT MessageId, ProviderId, QueueId, Dequeued, CreatedOn, DeadOn, RemoveOn, coalesce(length(Payload), 0)
              FROM OrleansStreamDeadLetter WHERE ServiceId = $1 ORDER BY DeadOn, MessageId OFFSET $2 LIMIT $3
            """);
        command.Parameters.AddWithValue(cluster.Value.ServiceId);
        command.Parameters.AddWithValue(offset);
        command.Parameters.AddWithValue(limit);
        await using var reader = await command.ExecuteReaderAsync();
        var letters = new List<StreamDeadLetter>();
        while (await reader.ReadAsync())
        {
            letters.Add(new StreamDeadLetter
            {
                MessageId = reader.GetInt64(0),
                Provider = reader.GetString(1),
                Queue = reader.GetString(2),
                Attempts = reader.GetInt32(3),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(4),
                DeadAt = reader.GetFieldValue<DateTimeOffset>(5),
                RemovedAt = reader.GetFieldValue<DateTimeOffset>(6),
                PayloadBytes = reader.GetInt32(7),
            });
        }

        return letters;
    }

    public async Task<int> Replay(List<long> messageIds)
    {
        if (Db is not { } db)
        {
            return 0;
        }

        var settings = services.GetService<DurableStreamSettings>() ?? new DurableStreamSettings();
        await using var command = db.CreateCommand(ReplaySql);
        command.Parameters.AddWithValue(cluster.Value.ServiceId);
        command.Parameters.AddWithValue((messageIds ?? []).ToArray());
        command.Parameters.AddWithValue(settings.ExpiryTimeout.TotalSeconds);
        return await command.ExecuteNonQueryAsync();
    }
}
