using HdrHistogram;

namespace Warden.Benchmarks;

/// <summary>One timed run of one scenario: how many operations completed, and their latencies.</summary>
public sealed record LoadResult(long Operations, long Errors, TimeSpan Elapsed, HistogramBase Latencies)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;
}
