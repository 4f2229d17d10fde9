using Warden.Abstractions.Queues;

namespace Warden.Grains.Queues;

/// <summary>Where a queue's jobs live between activations: one record per job, changed in batches.</summary>
public interface IQueueJobStore
{
    Task<QueueJobsState> LoadAsync(string queue);

    /// <summary>Writes <paramref name="changes"/> as one atomic step: a job's JSON, or null to delete it.</summary>
    Task WriteAsync(string queue, IReadOnlyList<(string JobId, string? Json)> changes);
}
