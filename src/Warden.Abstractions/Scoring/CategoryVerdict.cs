namespace Warden.Abstractions.Scoring;

/// <summary>One policy category's fused score, what it decided, the enforcement it suggests, and why.</summary>
[GenerateSerializer, Immutable, Alias("warden.scoring.category-verdict")]
public sealed record CategoryVerdict
{
    [Id(0)] public required string Category { get; init; }

    [Id(1)] public required double Score { get; init; }

    [Id(2)] public required VerdictDecision Decision { get; init; }

    /// <summary>The enforcement the label carries (none for allow).</summary>
    [Id(3)] public string? Enforcement { get; init; }

    /// <summary>True when a model failed or ran late and the category's fallback decided.</summary>
    [Id(4)] public bool Degraded { get; init; }

    [Id(5)] public List<ScoreEvidence> Evidence { get; init; } = [];

    /// <summary>The shadow model's score, recorded but never acted on.</summary>
    [Id(6)] public double? ShadowScore { get; init; }
}
