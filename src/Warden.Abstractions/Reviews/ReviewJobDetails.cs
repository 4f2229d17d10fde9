using Warden.Abstractions.Actions;
using Warden.Abstractions.Queues;

namespace Warden.Abstractions.Reviews;

/// <summary>Everything about a job: what is under review, why, every decision, its history and its actions.</summary>
[GenerateSerializer, Immutable, Alias("warden.reviews.job-details")]
public sealed record ReviewJobDetails
{
    [Id(0)] public required string JobId { get; init; }

    [Id(1)] public JobStatus Status { get; init; }

    [Id(2)] public string? Queue { get; init; }

    [Id(3)] public EnqueueRequest? Request { get; init; }

    [Id(4)] public List<FetchedObject> Objects { get; init; } = [];

    [Id(5)] public List<ReviewDecision> Decisions { get; init; } = [];

    [Id(6)] public ReviewDecision? Final { get; init; }

    /// <summary>Reviewers the disagreement path added in the current queue, beyond its config's count.</summary>
    [Id(7)] public int AddedReviewers { get; init; }

    [Id(8)] public List<JobEvent> History { get; init; } = [];

    [Id(9)] public List<ActionDelivery> Actions { get; init; } = [];

    [Id(10)] public string? FinalQueue { get; init; }
}
