namespace Warden.Abstractions.Strikes;

/// <summary>
/// One strike on a user: a human decision that enforced <see cref="Policy"/> on their <see cref="Item"/>,
/// weighted by the policy, until it expires or the decision is overturned.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.strikes.strike")]
public sealed record Strike
{
    [Id(0)] public required string JobId { get; init; }

    [Id(1)] public required string Item { get; init; }

    [Id(2)] public required string Policy { get; init; }

    [Id(3)] public required int Weight { get; init; }

    [Id(4)] public required DateTimeOffset At { get; init; }

    [Id(5)] public required DateTimeOffset ExpiresAt { get; init; }

    [Id(6)] public DateTimeOffset? RemovedAt { get; init; }

    /// <summary>Why it no longer counts before expiry, e.g. <c>overturned by appeal ap-…</c>.</summary>
    [Id(7)] public string? RemovedBecause { get; init; }
}
