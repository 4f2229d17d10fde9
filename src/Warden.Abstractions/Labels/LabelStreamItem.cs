namespace Warden.Abstractions.Labels;

/// <summary>One write on the <c>warden.labels</c> ingestion stream: a label to write, or a source to remove.</summary>
[GenerateSerializer, Immutable, Alias("warden.labels.stream-item")]
public sealed record LabelStreamItem
{
    [Id(0)] public Label? Label { get; init; }

    [Id(1)] public LabelSource? Remove { get; init; }

    [Id(2)] public required string Actor { get; init; }
}
