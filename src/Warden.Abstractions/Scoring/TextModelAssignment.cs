namespace Warden.Abstractions.Scoring;

/// <summary>
/// Which ONNX text model files every silo serves: the live one acts, the shadow one (optional) runs on
/// the same input and only records its score and agreement. Paths are as each silo sees them.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.scoring.text-model")]
public sealed record TextModelAssignment(
    [property: Id(0)] string LivePath,
    [property: Id(1)] string? ShadowPath = null);
