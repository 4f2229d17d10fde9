using Warden.Scoring.Rules;

namespace Warden.Scoring.Fusion;

/// <summary>Everything the cascade learnt about one category for one item, before fusion.</summary>
public sealed record CategoryEvidence
{
    /// <summary>The live model on the item's text; null when the model has no such category or did not answer.</summary>
    public double? TextScore { get; init; }

    /// <summary>The live model on the text read from the item's images.</summary>
    public double? OcrScore { get; init; }

    /// <summary>The image model's score for the category: the largest over the item's images.</summary>
    public double? ImageScore { get; init; }

    /// <summary>Which image gave <see cref="ImageScore"/> and the classes it adds up, for the evidence trail.</summary>
    public string? ImageDetail { get; init; }

    public double? ShadowScore { get; init; }

    /// <summary>The category has a model and it threw, missed the deadline, or is not loaded.</summary>
    public bool ModelFailed { get; init; }

    public string? ModelName { get; init; }

    /// <summary>The model's own thresholds, used where the category's configuration sets none.</summary>
    public (double Review, double Block)? ModelThresholds { get; init; }

    public IReadOnlyList<RuleHit> RuleHits { get; init; } = [];

    public IReadOnlyList<HashMatch> HashMatches { get; init; } = [];
}
