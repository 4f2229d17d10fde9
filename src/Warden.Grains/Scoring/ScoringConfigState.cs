using Warden.Abstractions.Scoring;

namespace Warden.Grains.Scoring;

[GenerateSerializer, Alias("warden.scoring.config-state")]
public sealed class ScoringConfigState
{
    [Id(0)] public int Version { get; set; }

    [Id(1)] public Dictionary<string, RuleSetDefinition> RuleSets { get; set; } = [];

    [Id(2)] public Dictionary<string, HashBankInfo> Banks { get; set; } = [];

    [Id(3)] public TextModelAssignment? TextModel { get; set; }

    /// <summary>Every replaced rule set version, for audit.</summary>
    [Id(4)] public List<RuleSetDefinition> RuleSetHistory { get; set; } = [];
}
