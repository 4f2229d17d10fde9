using Warden.Scoring.Models;

namespace Warden.Grains.Scoring;

/// <summary>A served text model, micro-batched: callers featurize their own text (in parallel).</summary>
public sealed class ModelRunner : IDisposable
{
    private readonly MicroBatchedModel _model;

    public ModelRunner(TextClassifier classifier, int maxBatch, ScoringMeters meters)
    {
        Classifier = classifier;
        _model = new MicroBatchedModel(classifier.Run, classifier.Contract.Dimension, classifier.Contract.Categories.Count, maxBatch, meters.ModelRun);
    }

    public TextClassifier Classifier { get; }

    public string Name => Classifier.Contract.Name is { Length: > 0 } name ? name : Path.GetFileNameWithoutExtension(Classifier.Path);

    /// <summary>One score per category for a feature row (<see cref="TextClassifier.FeatureRow"/>).</summary>
    public Task<float[]> ScoreAsync(float[] featureRow) => _model.RunAsync(featureRow);

    public void Dispose() => Classifier.Dispose();
}
