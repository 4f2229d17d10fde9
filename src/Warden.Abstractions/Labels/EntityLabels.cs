namespace Warden.Abstractions.Labels;

/// <summary>An entity's labels as a caller sees them: live, held for review, and whether it is trusted.</summary>
[GenerateSerializer, Immutable, Alias("warden.labels.entity-labels")]
public sealed record EntityLabels(
    [property: Id(0)] string Entity,
    [property: Id(1)] List<Label> Live,
    [property: Id(2)] List<Label> Held,
    [property: Id(3)] bool Trusted);
