namespace Warden.Abstractions.Policies;

/// <summary>When a user's active strikes reach <see cref="Strikes"/>, their account gets <see cref="Enforcement"/>.</summary>
[GenerateSerializer, Immutable, Alias("warden.policies.strike-threshold")]
public sealed record StrikeThreshold([property: Id(0)] int Strikes, [property: Id(1)] string Enforcement);
