namespace Warden.Abstractions.Policies;

/// <summary>
/// Protects entities marked trusted (a partner's account, a verified board): an automated label at or
/// above <see cref="HoldAtOrAbove"/> is held for a human instead of taking effect.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.policies.trusted-entity-rule")]
public sealed record TrustedEntityRule([property: Id(0)] string HoldAtOrAbove);
