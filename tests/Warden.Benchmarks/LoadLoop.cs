using System.Diagnostics;
using HdrHistogram;

namespace Warden.Benchmarks;

/// <summary>
/// Closed-loop load: <c>concurrency</c> workers each run the operation back to back for a fixed time,
/// recording every latency in a per-worker HdrHistogram (merged at the end, so recording takes no lock).
/// </summary>
public static class LoadLoop
{
    private static readonly long MaxTrackable = TimeStamp.Seconds(60);

    public static async Task<LoadResult> RunAsync(int concurrency, TimeSpan duration, Func<int, long, Task> operation)
    {
        var histograms = Enumerable.Range(0, concurrency).Select(_ => new LongHistogram(MaxTrackable, 3)).ToArray();
        var operations = new long[concurrency];
        var errors = new long[concurrency];
        var clock = Stopwatch.StartNew();
        var deadline = clock.Elapsed + duration;

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var histogram = histograms[worker];
            for (long i = 0; clock.Elapsed < deadline; i++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await operation(worker, i);
                    histogram.RecordValue(Math.Min(Stopwatch.GetTimestamp() - started, MaxTrackable));
                    operations[worker]++;
                }
                catch (Exception) when (errors[worker] < 1000)
                {
                    errors[worker]++;
                }
            }
        })));

        var elapsed = clock.Elapsed;
        var merged = new LongHistogram(MaxTrackable, 3);
        foreach (var histogram in histograms)
        {
            merged.Add(histogram);
        }

        return new LoadResult(operations.Sum(), errors.Sum(), elapsed, merged);
    }
}
