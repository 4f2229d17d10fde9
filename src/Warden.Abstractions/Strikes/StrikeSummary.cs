namespace Warden.Abstractions.Strikes;

/// <summary>A user's strikes: all of them (removed and expired included), the active total, and the account enforcement it earns.</summary>
[GenerateSerializer, Immutable, Alias("warden.strikes.summary")]
public sealed record StrikeSummary(
    [property: Id(0)] string User,
    [property: Id(1)] List<Strike> Strikes,
    [property: Id(2)] int ActiveTotal,
    [property: Id(3)] string? AccountEnforcement);
