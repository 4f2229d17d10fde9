namespace Warden.Abstractions.Queues;

/// <summary>How many distinct reviewers decide a job, and what agreement means.</summary>
[GenerateSerializer, Immutable, Alias("warden.queues.multi-review")]
public sealed record MultiReviewConfig
{
    [Id(0)] public int Reviewers { get; init; } = 1;

    [Id(1)] public ConsensusRule Rule { get; init; } = ConsensusRule.Unanimous;

    /// <summary>For <see cref="ConsensusRule.KOfN"/>: how many identical decisions settle the job.</summary>
    [Id(2)] public int K { get; init; }

    [Id(3)] public DisagreementAction OnDisagreement { get; init; } = DisagreementAction.Escalate;

    [Id(4)] public string? DisagreementQueue { get; init; }

    /// <summary>The most reviewers <see cref="DisagreementAction.AddReviewer"/> may bring in.</summary>
    [Id(5)] public int MaxReviewers { get; init; }
}
