using Warden.Abstractions.Labels;

namespace Warden.Abstractions.Scoring;

/// <summary>A stored submission: where it is, its verdict once scored, and the review job it opened.</summary>
[GenerateSerializer, Immutable, Alias("warden.scoring.content-record")]
public sealed record ContentRecord
{
    [Id(0)] public required string Entity { get; init; }

    [Id(1)] public required ContentSubmission Submission { get; init; }

    [Id(2)] public required ContentStatus Status { get; init; }

    [Id(3)] public ContentVerdict? Verdict { get; init; }

    [Id(4)] public string? ReviewQueue { get; init; }

    [Id(5)] public string? ReviewJobId { get; init; }

    /// <summary>Why the review job exists: <c>model-uncertain</c>, <c>degraded</c> or <c>quality-audit</c>.</summary>
    [Id(6)] public string? ReviewReason { get; init; }

    [Id(7)] public required DateTimeOffset ReceivedAt { get; init; }

    [Id(8)] public int Attempts { get; init; }

    /// <summary>Why scoring last failed (the status is <see cref="ContentStatus.Failed"/> once attempts ran out).</summary>
    [Id(9)] public string? FailureReason { get; init; }
}
