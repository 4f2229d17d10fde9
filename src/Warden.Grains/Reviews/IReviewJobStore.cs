namespace Warden.Grains.Reviews;

/// <summary>Where review jobs live: one JSON document per job under an optimistic version.</summary>
public interface IReviewJobStore
{
    /// <summary>The stored job and its version; a new state and version 0 for a job never written.</summary>
    Task<(ReviewJobState State, int Version)> ReadAsync(string jobId);

    /// <summary>
    /// Stores the job if the stored version is still <paramref name="expectedVersion"/> and returns the new
    /// version; otherwise throws <see cref="Orleans.Storage.InconsistentStateException"/> and stores nothing.
    /// </summary>
    Task<int> WriteAsync(string jobId, ReviewJobState state, int expectedVersion);
}
