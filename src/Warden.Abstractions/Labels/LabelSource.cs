namespace Warden.Abstractions.Labels;

/// <summary>
/// Who wrote a label: the system (<c>spam-model</c>, <c>review</c>), whether it is automated or human,
/// and the writer's name within it (<c>v7</c>, <c>reviewer:jane</c>). An entity holds one live label per source.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.labels.source")]
public sealed record LabelSource(
    [property: Id(0)] string System,
    [property: Id(1)] SourceKind Kind,
    [property: Id(2)] string Name)
{
    /// <summary>The source as one string, e.g. <c>automated/spam-model/v7</c>: the key of its live label.</summary>
    public string Key => $"{(Kind == SourceKind.Human ? "human" : "automated")}/{System}/{Name}";

    public override string ToString() => Key;
}
