namespace Warden.Abstractions.Queues;

/// <summary>One reviewer's decision on a job; immutable once recorded.</summary>
[GenerateSerializer, Immutable, Alias("warden.queues.review-decision")]
public sealed record ReviewDecision
{
    [Id(0)] public required string Reviewer { get; init; }

    [Id(1)] public required List<ObjectAction> Actions { get; init; }

    [Id(2)] public List<string> Labels { get; init; } = [];

    [Id(3)] public List<string> Policies { get; init; } = [];

    [Id(4)] public string? Note { get; init; }

    [Id(5)] public DateTimeOffset DecidedAt { get; init; }

    /// <summary>The config version the decision was made under.</summary>
    [Id(6)] public int ConfigVersion { get; init; }

    /// <summary>The queue it was made in: consensus counts only the decisions of the job's current queue.</summary>
    [Id(7)] public string? Queue { get; init; }
}
