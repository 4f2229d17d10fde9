using System.Diagnostics;
using Warden.Core.Runtime;
using Warden.Scoring.Models;

namespace Warden.Grains.Scoring;

/// <summary>
/// A served text model with micro-batching: callers featurize their own text (in parallel), and the
/// feature rows that arrive while a run is in flight go into the next run together.
/// </summary>
public sealed class ModelRunner : IDisposable
{
    private readonly BatchedWriter<float[], float[]> _batcher;
    private readonly ScoringMeters _meters;

    public ModelRunner(TextClassifier classifier, int maxBatch, ScoringMeters meters)
    {
        Classifier = classifier;
        _meters = meters;
        _batcher = new BatchedWriter<float[], float[]>(RunBatchAsync, maxBatch);
    }

    public TextClassifier Classifier { get; }

    public string Name => Classifier.Contract.Name is { Length: > 0 } name ? name : Path.GetFileNameWithoutExtension(Classifier.Path);

    /// <summary>One score per category for a feature row (<see cref="TextClassifier.FeatureRow"/>).</summary>
    public Task<float[]> ScoreAsync(float[] featureRow) => _batcher.SubmitAsync(featureRow);

    private Task<IReadOnlyList<float[]>> RunBatchAsync(IReadOnlyList<float[]> rows)
    {
        var dimension = Classifier.Contract.Dimension;
        var categories = Classifier.Contract.Categories.Count;
        var features = new float[rows.Count * dimension];
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].CopyTo(features, i * dimension);
        }

        var started = Stopwatch.GetTimestamp();
        var scores = Classifier.Run(features, rows.Count);
        _meters.ModelRun(Stopwatch.GetElapsedTime(started).TotalMilliseconds, rows.Count);
        return Task.FromResult<IReadOnlyList<float[]>>([.. Enumerable.Range(0, rows.Count).Select(i => scores.AsSpan(i * categories, categories).ToArray())]);
    }

    public void Dispose() => Classifier.Dispose();
}
