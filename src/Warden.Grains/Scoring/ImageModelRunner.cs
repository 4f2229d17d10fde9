using System.Diagnostics;
using Warden.Core.Runtime;
using Warden.Scoring.Models;

namespace Warden.Grains.Scoring;

/// <summary>
/// The served image model with micro-batching: callers preprocess their own image (in parallel), and
/// images that arrive while a run is in flight go into the next run together.
/// </summary>
public sealed class ImageModelRunner : IDisposable
{
    private readonly BatchedWriter<float[], float[]> _batcher;
    private readonly ScoringMeters _meters;

    public ImageModelRunner(ImageClassifier classifier, int maxBatch, ScoringMeters meters)
    {
        Classifier = classifier;
        _meters = meters;
        _batcher = new BatchedWriter<float[], float[]>(RunBatchAsync, maxBatch);
    }

    public ImageClassifier Classifier { get; }

    public string Name => Classifier.Contract.Name;

    /// <summary>One probability per class for a preprocessed image (<see cref="ImageClassifier.Preprocess(SkiaSharp.SKBitmap)"/>).</summary>
    public Task<float[]> ClassifyAsync(float[] image) => _batcher.SubmitAsync(image);

    private Task<IReadOnlyList<float[]>> RunBatchAsync(IReadOnlyList<float[]> images)
    {
        var length = Classifier.ImageLength;
        var classes = Classifier.Contract.Classes.Count;
        var input = new float[images.Count * length];
        for (var i = 0; i < images.Count; i++)
        {
            images[i].CopyTo(input, i * length);
        }

        var started = Stopwatch.GetTimestamp();
        var probabilities = Classifier.Run(input, images.Count);
        _meters.ImageModelRun(Stopwatch.GetElapsedTime(started).TotalMilliseconds, images.Count);
        return Task.FromResult<IReadOnlyList<float[]>>([.. Enumerable.Range(0, images.Count).Select(i => probabilities.AsSpan(i * classes, classes).ToArray())]);
    }

    public void Dispose() => Classifier.Dispose();
}
