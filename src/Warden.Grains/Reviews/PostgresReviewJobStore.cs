using Npgsql;
using Orleans.Storage;
using Warden.Core.Runtime;
using Warden.Grains.Runtime;

namespace Warden.Grains.Reviews;

/// <summary>Review jobs on PostgreSQL, group-committed across the silo's job grains, each under its own version.</summary>
public sealed class PostgresReviewJobStore : IReviewJobStore
{
    private const string WriteSql = """
        INSERT INTO review_jobs AS j (job_id, state, version)
        SELECT id, state, expected + 1 FROM unnest($1::text[], $2::jsonb[], $3::int[]) AS i(id, state, expected)
        ON CONFLICT (job_id) DO UPDATE SET state = EXCLUDED.state, version = j.version + 1, updated_at = now()
         WHERE j.version = EXCLUDED.version - 1
        RETURNING job_id, version
        """;

    private readonly NpgsqlDataSource _db;
    private readonly BatchedWriter<(string JobId, string Json, int Expected), int?> _writer;

    public PostgresReviewJobStore(NpgsqlDataSource db)
    {
        _db = db;
        _writer = new BatchedWriter<(string JobId, string Json, int Expected), int?>(WriteBatchAsync);
    }

    public async Task<(ReviewJobState State, int Version)> ReadAsync(string jobId)
    {
        await using var command = _db.CreateCommand("SELECT state, version FROM review_jobs WHERE job_id = $1");
        command.Parameters.AddWithValue(jobId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (StoredJson.Read<ReviewJobState>(reader.GetString(0)), reader.GetInt32(1)) : (new ReviewJobState(), 0);
    }

    public async Task<int> WriteAsync(string jobId, ReviewJobState state, int expectedVersion) =>
        await _writer.SubmitAsync((jobId, StoredJson.Write(state), expectedVersion))
        ?? throw new InconsistentStateException($"Review job {jobId} changed elsewhere (expected version {expectedVersion}); it reloads.");

    private async Task<IReadOnlyList<int?>> WriteBatchAsync(IReadOnlyList<(string JobId, string Json, int Expected)> batch)
    {
        await using var command = _db.CreateCommand(WriteSql);
        command.Parameters.AddWithValue(batch.Select(b => b.JobId).ToArray());
        command.Parameters.AddWithValue(batch.Select(b => b.Json).ToArray());
        command.Parameters.AddWithValue(batch.Select(b => b.Expected).ToArray());
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                versions[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        return [.. batch.Select(b => versions.TryGetValue(b.JobId, out var version) ? version : (int?)null)];
    }
}
