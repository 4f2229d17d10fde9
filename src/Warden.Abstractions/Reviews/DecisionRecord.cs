using Warden.Abstractions.Queues;

namespace Warden.Abstractions.Reviews;

/// <summary>
/// A row of the decisions log: each reviewer's decision (<see cref="Kind"/> <c>review</c>) and a job's
/// final decision (<c>final</c>), with everything needed to audit it or train on it.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.reviews.decision-record")]
public sealed record DecisionRecord
{
    public const string ReviewKind = "review";
    public const string FinalKind = "final";

    /// <summary>A decision known only by the label it wrote (a model's, or a human's outside Warden's queues), logged when an appeal overturns it.</summary>
    public const string LabelKind = "label";

    [Id(0)] public required string JobId { get; init; }

    [Id(1)] public required string Queue { get; init; }

    [Id(2)] public int ConfigVersion { get; init; }

    [Id(3)] public required string Kind { get; init; }

    [Id(4)] public required string Reviewer { get; init; }

    [Id(5)] public DateTimeOffset DecidedAt { get; init; }

    [Id(6)] public List<ReviewObject> Objects { get; init; } = [];

    [Id(7)] public List<ObjectAction> Actions { get; init; } = [];

    [Id(8)] public List<string> Labels { get; init; } = [];

    [Id(9)] public List<string> Policies { get; init; } = [];

    [Id(10)] public string? Note { get; init; }

    /// <summary>For <c>final</c> rows: every reviewer whose decision the job collected.</summary>
    [Id(11)] public List<string> Reviewers { get; init; } = [];

    /// <summary>The appeal that overturned this decision: the export marks it a hard example.</summary>
    [Id(12)] public string? OverturnedBy { get; init; }

    [Id(13)] public DateTimeOffset? OverturnedAt { get; init; }
}
