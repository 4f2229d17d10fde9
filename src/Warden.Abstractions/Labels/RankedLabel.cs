namespace Warden.Abstractions.Labels;

/// <summary>One selected label as the resolver weighed it: score = reputation × freshness.</summary>
[GenerateSerializer, Immutable, Alias("warden.labels.ranked-label")]
public sealed record RankedLabel(
    [property: Id(0)] Label Label,
    [property: Id(1)] double Reputation,
    [property: Id(2)] double Freshness,
    [property: Id(3)] double Score,
    [property: Id(4)] int Severity);
