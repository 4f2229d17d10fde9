namespace Warden.Abstractions.Scoring;

/// <summary>The current rule sets, bank descriptions and text model, as one versioned whole (no model: the silo's configured one).</summary>
[GenerateSerializer, Immutable, Alias("warden.scoring.config-snapshot")]
public sealed record ScoringConfigSnapshot(
    [property: Id(0)] int Version,
    [property: Id(1)] List<RuleSetDefinition> RuleSets,
    [property: Id(2)] List<HashBankInfo> Banks,
    [property: Id(3)] TextModelAssignment? TextModel = null);
