namespace Warden.Abstractions.Labels;

/// <summary>
/// One source's judgement of an entity: the enforcement it suggests and the policy that is the reason.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.labels.label")]
public sealed record Label
{
    [Id(0)] public required LabelSource Source { get; init; }

    /// <summary>A name from the catalog's enforcements, e.g. <c>allow</c>, <c>limit</c>, <c>block</c>.</summary>
    [Id(1)] public required string Enforcement { get; init; }

    /// <summary>A name from the catalog's policies, e.g. <c>spam</c>, <c>porn</c>.</summary>
    [Id(2)] public required string Policy { get; init; }

    [Id(3)] public required DateTimeOffset CreatedAt { get; init; }

    [Id(4)] public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>0 to 1; absent when the source does not grade its certainty.</summary>
    [Id(5)] public double? Confidence { get; init; }

    /// <summary>A short text or reference (model score, rule id, ticket) that explains the label.</summary>
    [Id(6)] public string? Evidence { get; init; }

    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } expires && expires <= now;
}
