namespace Warden.Abstractions.Policies;

/// <summary>
/// A product surface (home_feed, search, profile …): which labels it trusts, and how fast their
/// weight fades. A label's score is reputation × 0.5^(age / half-life).
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.policies.surface")]
public sealed record SurfaceDefinition
{
    [Id(0)] public required string Name { get; init; }

    [Id(1)] public LabelSelectorSettings Selector { get; init; } = new();

    [Id(2)] public TimeSpan FreshnessHalfLife { get; init; } = TimeSpan.FromDays(30);
}
