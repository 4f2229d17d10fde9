using Npgsql;
using Warden.Abstractions.Queues;
using Warden.Grains.Runtime;

namespace Warden.Grains.Queues;

public sealed class PostgresQueueJobStore(NpgsqlDataSource db) : IQueueJobStore
{
    // Deletes and upserts of one batch in one statement; a batch never names a job twice.
    private const string WriteSql = """
        WITH removed AS (DELETE FROM queue_jobs WHERE queue_id = $1 AND job_id = ANY($2))
        INSERT INTO queue_jobs (queue_id, job_id, job)
        SELECT $1, j.id, j.job FROM unnest($3::text[], $4::jsonb[]) AS j(id, job)
        ON CONFLICT (queue_id, job_id) DO UPDATE SET job = EXCLUDED.job
        """;

    public async Task<QueueJobsState> LoadAsync(string queue)
    {
        var state = new QueueJobsState();
        await using var command = db.CreateCommand("SELECT job FROM queue_jobs WHERE queue_id = $1");
        command.Parameters.AddWithValue(queue);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var job = StoredJson.Read<QueuedJob>(reader.GetString(0));
            state.Jobs[job.JobId] = job;
        }

        return state;
    }

    public async Task WriteAsync(string queue, IReadOnlyList<(string JobId, string? Json)> changes)
    {
        await using var command = db.CreateCommand(WriteSql);
        command.Parameters.AddWithValue(queue);
        command.Parameters.AddWithValue(changes.Where(c => c.Json is null).Select(c => c.JobId).ToArray());
        var upserts = changes.Where(c => c.Json is not null).ToList();
        command.Parameters.AddWithValue(upserts.Select(c => c.JobId).ToArray());
        command.Parameters.AddWithValue(upserts.Select(c => c.Json!).ToArray());
        await command.ExecuteNonQueryAsync();
    }
}
