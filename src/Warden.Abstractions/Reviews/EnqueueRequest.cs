namespace Warden.Abstractions.Reviews;

/// <summary>
/// What a caller sends to open a review job. <see cref="Key"/> makes it idempotent: the same key
/// twice is one job, whichever queue it is sent to.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.reviews.enqueue-request")]
public sealed record EnqueueRequest
{
    [Id(0)] public required string Key { get; init; }

    [Id(1)] public required List<ReviewObject> Objects { get; init; }

    [Id(2)] public List<JobReport> Reports { get; init; } = [];

    [Id(3)] public List<JobScore> Scores { get; init; } = [];

    /// <summary>Higher is sooner; escalation raises it.</summary>
    [Id(4)] public int Priority { get; init; }

    /// <summary>Why the job exists: <c>reported</c>, <c>held-label</c>, <c>model-uncertain</c> …</summary>
    [Id(5)] public string Reason { get; init; } = "reported";

    /// <summary>Who asked: an API key, a service, a user.</summary>
    [Id(6)] public required string Actor { get; init; }

    /// <summary>Which part of Warden opened the job; hooks on the final decision key on this, never on <see cref="Reason"/>.</summary>
    [Id(7)] public JobOrigin Origin { get; init; } = JobOrigin.External;
}
