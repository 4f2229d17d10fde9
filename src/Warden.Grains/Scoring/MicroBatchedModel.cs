using System.Diagnostics;
using Warden.Core.Runtime;

namespace Warden.Grains.Scoring;

/// <summary>
/// Micro-batching for a served model: callers prepare their own input row (in parallel), and the rows that
/// arrive while a run is in flight go into the next run together, as one tensor of <c>rows × inputLength</c>.
/// </summary>
/// <param name="run">Runs the model on the concatenated rows; returns <c>rows × outputLength</c> values.</param>
/// <param name="measured">Told each run's duration in milliseconds and its row count (the meters).</param>
public sealed class MicroBatchedModel(Func<float[], int, float[]> run, int inputLength, int outputLength, int maxBatch, Action<double, int> measured)
{
    private readonly BatchedWriter<float[], float[]> _batcher = new((rows) => RunBatch(rows, run, inputLength, outputLength, measured), maxBatch);

    public Task<float[]> RunAsync(float[] row) => _batcher.SubmitAsync(row);

    private static Task<IReadOnlyList<float[]>> RunBatch(IReadOnlyList<float[]> rows, Func<float[], int, float[]> run, int inputLength, int outputLength, Action<double, int> measured)
    {
        var input = new float[rows.Count * inputLength];
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].CopyTo(input, i * inputLength);
        }

        var started = Stopwatch.GetTimestamp();
        var output = run(input, rows.Count);
        measured(Stopwatch.GetElapsedTime(started).TotalMilliseconds, rows.Count);
        return Task.FromResult<IReadOnlyList<float[]>>([.. Enumerable.Range(0, rows.Count).Select(i => output.AsSpan(i * outputLength, outputLength).ToArray())]);
    }
}
