using Warden.Scoring.Models;

namespace Warden.Grains.Scoring;

/// <summary>The served image model, micro-batched: callers preprocess their own image (in parallel).</summary>
public sealed class ImageModelRunner : IDisposable
{
    private readonly MicroBatchedModel _model;

    public ImageModelRunner(ImageClassifier classifier, int maxBatch, ScoringMeters meters)
    {
        Classifier = classifier;
        _model = new MicroBatchedModel(classifier.Run, classifier.ImageLength, classifier.Contract.Classes.Count, maxBatch, meters.ImageModelRun);
    }

    public ImageClassifier Classifier { get; }

    public string Name => Classifier.Contract.Name;

    /// <summary>One probability per class for a preprocessed image (<see cref="ImageClassifier.Preprocess(SkiaSharp.SKBitmap)"/>).</summary>
    public Task<float[]> ClassifyAsync(float[] image) => _model.RunAsync(image);

    public void Dispose() => Classifier.Dispose();
}
