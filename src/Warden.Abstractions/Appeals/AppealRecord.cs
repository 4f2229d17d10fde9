using Warden.Abstractions.Labels;

namespace Warden.Abstractions.Appeals;

/// <summary>One appeal: the label it contests (the one that made the enforcement), who said what, and its outcome.</summary>
[GenerateSerializer, Immutable, Alias("warden.appeals.record")]
public sealed record AppealRecord
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string Entity { get; init; }

    /// <summary>The winning label when the appeal was filed: its source, enforcement, policy and time.</summary>
    [Id(2)] public required Label Contested { get; init; }

    [Id(3)] public required string Statement { get; init; }

    [Id(4)] public required string Appellant { get; init; }

    [Id(5)] public required DateTimeOffset FiledAt { get; init; }

    [Id(6)] public AppealStatus Status { get; init; }

    /// <summary>1 for a first appeal; 2 for an appeal of an upheld appeal, where the queue allows it.</summary>
    [Id(7)] public int Tier { get; init; } = 1;

    [Id(8)] public string? Queue { get; init; }

    [Id(9)] public string? JobId { get; init; }

    [Id(10)] public string? DecidedBy { get; init; }

    [Id(11)] public DateTimeOffset? DecidedAt { get; init; }

    [Id(12)] public string? Note { get; init; }
}
