namespace Warden.Abstractions.Labels;

/// <summary>An entity's enforcement on a surface changed (a label written, removed, released or expired).</summary>
[GenerateSerializer, Immutable, Alias("warden.labels.enforcement-changed")]
public sealed record EnforcementChanged(
    [property: Id(0)] string Entity,
    [property: Id(1)] string Surface,
    [property: Id(2)] string Previous,
    [property: Id(3)] EnforcementDecision Current);
