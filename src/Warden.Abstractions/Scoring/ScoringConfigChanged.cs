namespace Warden.Abstractions.Scoring;

/// <summary>Broadcast to every silo when a rule set or bank changes: each silo reloads what is newer than it has.</summary>
[GenerateSerializer, Immutable, Alias("warden.scoring.config-changed")]
public sealed record ScoringConfigChanged([property: Id(0)] int Version);
