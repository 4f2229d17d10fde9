namespace Warden.Abstractions.Scoring;

/// <summary>
/// What moved a category's score: <c>model</c>, <c>ocr-model</c>, <c>image-model</c>, <c>shadow-model</c>, <c>keyword</c>,
/// <c>pattern</c>, <c>hash</c>, <c>trust</c> or <c>fallback</c>, with the detail a reviewer needs
/// (the word hit, the bank matched and its distance, the model's name).
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.scoring.evidence")]
public sealed record ScoreEvidence(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Detail,
    [property: Id(2)] double Value);
