using System.Diagnostics;

namespace Warden.Benchmarks;

/// <summary>
/// What a scenario's repeated runs add up to: the median rate (these 2-core machines are noisy, so
/// one run proves little) and latency percentiles over every operation of every run.
/// </summary>
public sealed record ScenarioSummary(
    string Name,
    string Unit,
    int Concurrency,
    IReadOnlyList<double> RunsPerSecond,
    double MedianPerSecond,
    double P50Microseconds,
    double P99Microseconds,
    long Operations,
    long Errors)
{
    public static ScenarioSummary From(Scenario scenario, IReadOnlyList<LoadResult> runs)
    {
        var all = runs[0].Latencies.Copy();
        foreach (var run in runs.Skip(1))
        {
            all.Add(run.Latencies);
        }

        return new ScenarioSummary(
            scenario.Name,
            scenario.Unit,
            scenario.Concurrency,
            [.. runs.Select(r => Math.Round(r.PerSecond * scenario.ItemsPerOperation, 1))],
            Math.Round(Median(runs.Select(r => r.PerSecond * scenario.ItemsPerOperation)), 1),
            Microseconds(all.GetValueAtPercentile(50)),
            Microseconds(all.GetValueAtPercentile(99)),
            runs.Sum(r => r.Operations),
            runs.Sum(r => r.Errors));
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No values to take the median of.", nameof(values));
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double Microseconds(long stopwatchTicks) => Math.Round(stopwatchTicks * 1_000_000.0 / Stopwatch.Frequency, 1);
}
