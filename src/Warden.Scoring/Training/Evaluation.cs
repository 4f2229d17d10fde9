using Warden.Scoring.Models;

namespace Warden.Scoring.Training;

/// <summary>Scores labelled texts with a served model and reports its first category at the model's own thresholds.</summary>
public static class Evaluation
{
    public static IReadOnlyList<(double Score, bool Positive)> Score(TextClassifier classifier, IReadOnlyList<(string Text, bool Positive)> items)
    {
        var scored = new List<(double, bool)>(items.Count);
        var categories = classifier.Contract.Categories.Count;
        foreach (var chunk in items.Chunk(64))
        {
            var scores = classifier.Score([.. chunk.Select(c => c.Text)]);
            scored.AddRange(chunk.Select((c, i) => ((double)scores[i * categories], c.Positive)));
        }

        return scored;
    }

    public static IReadOnlyList<string> Run(TextClassifier classifier, IReadOnlyList<(string Text, bool Positive)> items)
    {
        var scored = Score(classifier, items);
        var category = classifier.Contract.Categories[0];
        var thresholds = classifier.Contract.Thresholds[category];
        return
        [
            $"{items.Count} items ({items.Count(i => i.Positive)} positive) scored for '{category}' by {Path.GetFileName(classifier.Path)}",
            $"at review: {Metrics.At(scored, thresholds.Review)}",
            $"at block:  {Metrics.At(scored, thresholds.Block)}",
        ];
    }
}
