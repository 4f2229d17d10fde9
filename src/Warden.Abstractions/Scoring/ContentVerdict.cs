namespace Warden.Abstractions.Scoring;

/// <summary>The cascade's answer for one submission: a verdict per category, and the text read from its images.</summary>
[GenerateSerializer, Immutable, Alias("warden.scoring.verdict")]
public sealed record ContentVerdict
{
    [Id(0)] public required List<CategoryVerdict> Categories { get; init; }

    [Id(1)] public string? OcrText { get; init; }

    [Id(2)] public required DateTimeOffset ScoredAt { get; init; }

    [Id(3)] public double ElapsedMilliseconds { get; init; }

    public bool Degraded => Categories.Any(c => c.Degraded);

    public VerdictDecision Strongest => Categories.Count == 0 ? VerdictDecision.Allow : Categories.Max(c => c.Decision);
}
