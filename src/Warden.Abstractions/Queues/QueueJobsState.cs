namespace Warden.Abstractions.Queues;

/// <summary>A queue's jobs as stored: lease deadlines included, so lapses survive a restart.</summary>
[GenerateSerializer, Alias("warden.queues.jobs-state")]
public sealed class QueueJobsState
{
    [Id(0)] public Dictionary<string, QueuedJob> Jobs { get; set; } = [];

    /// <summary>Caller-supplied enqueue keys and the job each created: the same key twice is one job.</summary>
    [Id(1)] public Dictionary<string, string> EnqueueKeys { get; set; } = [];
}
