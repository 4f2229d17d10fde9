using System.Collections.Concurrent;
using Orleans.Storage;
using Warden.Grains.Runtime;

namespace Warden.Grains.Reviews;

/// <summary>Development mode: jobs kept as JSON in this process, with the same version rule as PostgreSQL.</summary>
public sealed class InMemoryReviewJobStore : IReviewJobStore
{
    private readonly ConcurrentDictionary<string, (string Json, int Version)> _jobs = new(StringComparer.Ordinal);

    public Task<(ReviewJobState State, int Version)> ReadAsync(string jobId) =>
        Task.FromResult(_jobs.TryGetValue(jobId, out var stored) ? (StoredJson.Read<ReviewJobState>(stored.Json), stored.Version) : (new ReviewJobState(), 0));

    public Task<int> WriteAsync(string jobId, ReviewJobState state, int expectedVersion)
    {
        var json = StoredJson.Write(state);
        var saved = expectedVersion == 0
            ? _jobs.TryAdd(jobId, (json, 1))
            : _jobs.TryGetValue(jobId, out var current) && current.Version == expectedVersion && _jobs.TryUpdate(jobId, (json, expectedVersion + 1), current);
        return saved
            ? Task.FromResult(expectedVersion + 1)
            : throw new InconsistentStateException($"Review job {jobId} changed elsewhere (expected version {expectedVersion}).");
    }
}
