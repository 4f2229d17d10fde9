using Warden.Abstractions.Reviews;

namespace Warden.Abstractions.Queues;

/// <summary>
/// A review queue, keyed by its id: its versioned config, its pending jobs in priority-then-age order,
/// reviewers' leases on them, and the decide / pass / escalate paths.
/// </summary>
[Alias("warden.queues.queue")]
public interface IQueueGrain : IGrainWithStringKey
{
    /// <summary>The current config, or null while the queue has none.</summary>
    [Alias("get-config"), ReadOnly]
    Task<QueueConfig?> GetConfig();

    [Alias("get-config-version"), ReadOnly]
    Task<QueueConfig?> GetConfigVersion(int version);

    [Alias("get-config-versions"), ReadOnly]
    Task<IReadOnlyList<ConfigVersionInfo>> GetConfigVersions();

    /// <summary>
    /// Saves <paramref name="config"/> as the next version if <paramref name="expectedVersion"/> is the
    /// current one (0 to create); refused with every error listed otherwise.
    /// </summary>
    [Alias("save-config")]
    Task<ConfigSaveResult> SaveConfig(QueueConfig config, int expectedVersion, string actor);

    /// <summary>Opens a job here, or returns the job the same key opened before.</summary>
    [Alias("enqueue")]
    Task<EnqueueResult> Enqueue(EnqueueRequest request);

    /// <summary>The next job <paramref name="reviewer"/> may take, leased to them; null when there is none.</summary>
    [Alias("lease-next")]
    Task<JobLease?> LeaseNext(Reviewer reviewer);

    [Alias("renew")]
    Task<JobStepResult> Renew(string jobId, string token);

    [Alias("release")]
    Task<JobStepResult> Release(string jobId, string token);

    /// <summary>The leaseholder's decision; accepted only with a live lease and only if it fits the config.</summary>
    [Alias("decide")]
    Task<JobStepResult> Decide(string jobId, string token, ReviewDecision decision);

    /// <summary>Moves a leased job to one of the queues the config allows passing to.</summary>
    [Alias("pass")]
    Task<JobStepResult> Pass(string jobId, string token, string targetQueue, string reason);

    /// <summary>Moves a leased job to the escalation queue with its priority raised.</summary>
    [Alias("escalate")]
    Task<JobStepResult> Escalate(string jobId, string token, string reason);

    /// <summary>Takes in a job another queue moved here.</summary>
    [Alias("accept")]
    Task<JobStepResult> Accept(string jobId, int priority, string reason, string actor);

    [Alias("get-metrics"), ReadOnly]
    Task<QueueMetrics> GetMetrics();

    /// <summary>The leaseholder asks for a lead's help: the lease is extended and the job listed as held.</summary>
    [Alias("hold")]
    Task<JobStepResult> Hold(string jobId, string token, string reason);

    /// <summary>A lead takes over a held job with a new lease of their own.</summary>
    [Alias("take-over")]
    Task<JobLease?> TakeOver(string jobId, Reviewer lead);

    [Alias("get-held"), ReadOnly]
    Task<IReadOnlyList<HeldJob>> GetHeld();
}
