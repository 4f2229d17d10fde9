namespace Warden.Abstractions.Labels;

/// <summary>
/// The one enforcement that applies to an entity on a surface, and why: the winning label and every
/// selected label ranked with its score. No winner means no label applied and the mildest enforcement holds.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.labels.enforcement-decision")]
public sealed record EnforcementDecision
{
    [Id(0)] public required string Entity { get; init; }

    [Id(1)] public required string Surface { get; init; }

    [Id(2)] public required string Enforcement { get; init; }

    [Id(3)] public Label? Winner { get; init; }

    [Id(4)] public List<RankedLabel> Ranked { get; init; } = [];

    [Id(5)] public int CatalogVersion { get; init; }

    [Id(6)] public DateTimeOffset DecidedAt { get; init; }
}
