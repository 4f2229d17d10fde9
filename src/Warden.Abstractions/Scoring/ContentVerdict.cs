namespace Warden.Abstractions.Scoring;

/// <summary>The cascade's answer for one submission: a verdict per category, the text read from its images and the image model's class probabilities.</summary>
[GenerateSerializer, Immutable, Alias("warden.scoring.verdict")]
public sealed record ContentVerdict
{
    [Id(0)] public required List<CategoryVerdict> Categories { get; init; }

    [Id(1)] public string? OcrText { get; init; }

    [Id(2)] public required DateTimeOffset ScoredAt { get; init; }

    [Id(3)] public double ElapsedMilliseconds { get; init; }

    /// <summary>Per image, the image model's class probabilities; empty without images or an image model.</summary>
    [Id(4)] public List<ImageClassScores> ImageScores { get; init; } = [];

    public bool Degraded => Categories.Any(c => c.Degraded);

    public VerdictDecision Strongest => Categories.Count == 0 ? VerdictDecision.Allow : Categories.Max(c => c.Decision);
}
