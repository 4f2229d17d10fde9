using Warden.Abstractions.Scoring;
using Warden.Scoring.Fusion;

namespace Warden.Grains.Scoring;

/// <summary>
/// What the image model said about a submission's images, turned into one image category's evidence:
/// the category's score is the sum of its classes' probabilities on the image where that sum is largest.
/// No score — no model loaded, the model failed or ran late, or no image decoded — means the
/// category's fallback applies.
/// </summary>
internal sealed class ImageEvidence(List<ImageClassScores>? scores, int images, string? model)
{
    public List<ImageClassScores>? Scores => scores;

    public CategoryEvidence For(string category, CategoryPolicy policy, IReadOnlyCollection<string> classes, CategoryEvidence textEvidence)
    {
        var best = (scores ?? []).MaxBy(s => s.Sum(classes));
        var unscored = images > 0 && best is null;
        return textEvidence with
        {
            // The text model has no image categories; whatever it said does not apply here.
            TextScore = null,
            OcrScore = null,
            ModelThresholds = null,
            ImageScore = best?.Sum(classes),
            ImageDetail = best is null ? null : $"{model} on image {best.Image + 1} ({string.Join(" + ", classes.Distinct(StringComparer.Ordinal))})",
            ModelName = model,
            ModelFailed = policy.ModelRequired && unscored,
        };
    }
}
