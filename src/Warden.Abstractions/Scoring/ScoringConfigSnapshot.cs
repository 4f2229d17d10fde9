namespace Warden.Abstractions.Scoring;

/// <summary>The current rule sets and bank descriptions, as one versioned whole.</summary>
[GenerateSerializer, Immutable, Alias("warden.scoring.config-snapshot")]
public sealed record ScoringConfigSnapshot(
    [property: Id(0)] int Version,
    [property: Id(1)] IReadOnlyList<RuleSetDefinition> RuleSets,
    [property: Id(2)] IReadOnlyList<HashBankInfo> Banks);
