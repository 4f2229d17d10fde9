namespace Warden.Abstractions.Queues;

/// <summary>A job waiting in (or leased from) a queue, as the queue keeps it.</summary>
[GenerateSerializer, Alias("warden.queues.queued-job")]
public sealed class QueuedJob
{
    [Id(0)] public required string JobId { get; init; }

    /// <summary>Higher first; equal priorities go oldest first.</summary>
    [Id(1)] public int Priority { get; set; }

    /// <summary>When the job entered this queue: its age and SLA count from here.</summary>
    [Id(2)] public DateTimeOffset EnqueuedAt { get; init; }

    /// <summary>Reviewers who already decided this job: it is never offered to them again.</summary>
    [Id(3)] public HashSet<string> DecidedBy { get; init; } = [];

    [Id(4)] public JobLease? Lease { get; set; }

    /// <summary>Set once when the job outlived the queue's target handling time.</summary>
    [Id(5)] public bool SlaBreached { get; set; }

    /// <summary>Decided for good; its labels and actions are being applied, then it leaves the queue.</summary>
    [Id(6)] public bool Finalizing { get; set; }

    /// <summary>Why the leaseholder asked a lead for help; set while the job is on hold.</summary>
    [Id(7)] public string? HoldReason { get; set; }

    [Id(8)] public DateTimeOffset? HeldAt { get; set; }
}
