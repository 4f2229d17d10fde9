namespace Warden.Abstractions.Bulk;

/// <summary>
/// Which entities a bulk operation touches. <see cref="Origin"/> says what is searched: <c>labels</c> (live
/// labels now), <c>history</c> (labels ever added or replaced) or <c>decisions</c> (final review decisions).
/// Every filter given must match; <see cref="Source"/> is a source key, or a prefix ending in <c>*</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.bulk.query")]
public sealed record BulkQuery
{
    [Id(0)] public string Origin { get; init; } = "labels";

    [Id(1)] public string? Source { get; init; }

    [Id(2)] public string? Policy { get; init; }

    [Id(3)] public string? Enforcement { get; init; }

    [Id(4)] public string? EntityType { get; init; }

    /// <summary>Inclusive start of the label's (or decision's) time.</summary>
    [Id(5)] public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive end of the label's (or decision's) time.</summary>
    [Id(6)] public DateTimeOffset? To { get; init; }

    /// <summary>For <c>decisions</c>: the queue that decided.</summary>
    [Id(7)] public string? Queue { get; init; }
}
