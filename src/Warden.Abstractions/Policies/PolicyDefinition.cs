namespace Warden.Abstractions.Policies;

/// <summary>
/// A reason a label may cite: <c>spam</c>, <c>porn</c>, <c>hate</c> …, and the strike a human enforcement of
/// it gives the owner (weight 0: none) with how long the strike counts (90 days when not set).
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.policies.policy")]
public sealed record PolicyDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string Description = "",
    [property: Id(2)] int StrikeWeight = 0,
    [property: Id(3)] TimeSpan? StrikeLifetime = null);
