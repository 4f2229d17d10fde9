namespace Warden.Abstractions.Policies;

/// <summary>
/// Everything the label pipeline judges by: entity types, policies, enforcements in severity order,
/// source reputations, the trusted-entity rule and the surfaces. Versioned: every accepted change
/// increments <see cref="Version"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.policies.catalog")]
public sealed record PolicyCatalog
{
    [Id(0)] public int Version { get; init; }

    /// <summary>The entity types an entity key may start with, e.g. <c>pin</c> for <c>pin:123</c>.</summary>
    [Id(1)] public List<string> EntityTypes { get; init; } = [];

    [Id(2)] public List<PolicyDefinition> Policies { get; init; } = [];

    [Id(3)] public List<EnforcementDefinition> Enforcements { get; init; } = [];

    [Id(4)] public List<SourceReputation> Sources { get; init; } = [];

    /// <summary>Reputation of a source no rule names.</summary>
    [Id(5)] public double DefaultReputation { get; init; } = 0.5;

    [Id(6)] public TrustedEntityRule? TrustedEntities { get; init; }

    [Id(7)] public List<SurfaceDefinition> Surfaces { get; init; } = [];

    /// <summary>Longest evidence text a label may carry, in characters.</summary>
    [Id(8)] public int MaxEvidenceLength { get; init; } = 2048;

    [Id(9)] public DateTimeOffset? ChangedAt { get; init; }

    [Id(10)] public string? ChangedBy { get; init; }

    /// <summary>Account enforcement by active strikes, lowest first; empty: strikes earn nothing at account level.</summary>
    [Id(11)] public List<StrikeThreshold> StrikeThresholds { get; init; } = [];
}
