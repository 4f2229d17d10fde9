using Warden.Scoring.Models;
using Warden.Scoring.Text;

namespace Warden.Scoring.Training;

/// <summary>What training produced and how it did in cross-validation on the training folders.</summary>
public sealed record TrainingReport(int Positives, int Negatives, CategoryThresholds Thresholds, Metrics CrossValidatedReview, Metrics CrossValidatedBlock);

/// <summary>
/// Trains the text model for one category: thresholds are tuned on out-of-fold scores from k-fold
/// cross-validation over the training folders only (the block threshold is the lowest whose precision
/// meets the target; the review threshold maximises F1 below it), then the final model is fitted on
/// all of them and written as ONNX with its contract in the metadata.
/// </summary>
public sealed class TextModelTrainer(int dimension = 1 << 15, int folds = 5, double blockPrecision = 0.998)
{
    public TrainingReport Train(
        IReadOnlyList<CorpusItem> positives,
        IReadOnlyList<CorpusItem> negatives,
        string category,
        string outputPath,
        string modelName)
    {
        var features = new TextFeatures(dimension);
        var examples = positives.Select(p => (p, true)).Concat(negatives.Select(n => (n, false)))
            .AsParallel().AsOrdered()
            .Select(x => { var (indices, values) = features.ExtractSparse(x.Item1.Text); return new SparseExample(indices, values, x.Item2); })
            .ToList();

        var outOfFold = CrossValidate(examples);
        var thresholds = ChooseThresholds(outOfFold);
        var (weights, bias) = new LogisticRegression(dimension).Fit(examples);
        var contract = new ModelContract(TextFeatures.Version, dimension, [category], new Dictionary<string, CategoryThresholds> { [category] = thresholds }, modelName);
        var model = OnnxGraphWriter.LinearClassifier(dimension, 1, weights, [bias], contract.ToMetadata());
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        File.WriteAllBytes(outputPath, model);
        return new TrainingReport(positives.Count, negatives.Count, thresholds, Metrics.At(outOfFold, thresholds.Review), Metrics.At(outOfFold, thresholds.Block));
    }

    private List<(double Score, bool Positive)> CrossValidate(List<SparseExample> examples)
    {
        var fold = Enumerable.Range(0, examples.Count).Select(i => i % folds).ToArray();
        new Random(11).Shuffle(fold);
        var scored = new (double, bool)[examples.Count];
        Parallel.For(0, folds, k =>
        {
            var (weights, bias) = new LogisticRegression(dimension).Fit([.. examples.Where((_, i) => fold[i] != k)]);
            for (var i = 0; i < examples.Count; i++)
            {
                if (fold[i] == k)
                {
                    scored[i] = (LogisticRegression.Score(weights, bias, examples[i]), examples[i].Positive);
                }
            }
        });
        return [.. scored];
    }

    private CategoryThresholds ChooseThresholds(List<(double Score, bool Positive)> scored)
    {
        var candidates = scored.Select(s => s.Score).Distinct().Order().ToList();

        // Lowest threshold from which precision stays at the target all the way up.
        var block = 0.99;
        for (var i = candidates.Count - 1; i >= 0; i--)
        {
            if (Metrics.At(scored, candidates[i]).Precision < blockPrecision)
            {
                break;
            }

            block = candidates[i];
        }

        var review = candidates.Where(c => c < block).Select(c => Metrics.At(scored, c)).MaxBy(m => m.F1)?.Threshold ?? block / 2;
        return new CategoryThresholds(Math.Round(review, 4), Math.Round(block, 4));
    }
}
