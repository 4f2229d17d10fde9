namespace Warden.Abstractions.Queues;

/// <summary>A queue's jobs with their leases, as loaded from (and written back to) the job store.</summary>
[GenerateSerializer, Alias("warden.queues.jobs-state")]
public sealed class QueueJobsState
{
    [Id(0)] public Dictionary<string, QueuedJob> Jobs { get; set; } = [];
}
