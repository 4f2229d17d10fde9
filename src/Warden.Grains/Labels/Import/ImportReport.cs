using Warden.Abstractions.Labels;

namespace Warden.Grains.Labels.Import;

/// <summary>What an import did, row by row outcome; rejected rows are listed in the rejected-rows file.</summary>
public sealed record ImportReport(long Rows, IReadOnlyDictionary<LabelWriteOutcome, long> Outcomes, TimeSpan Elapsed, string RejectedRowsPath)
{
    public long Count(LabelWriteOutcome outcome) => Outcomes.GetValueOrDefault(outcome);

    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{Rows:N0} rows in {Elapsed.TotalSeconds:F1} s ({RowsPerSecond:N0} rows/s): " +
        string.Join(", ", Outcomes.Where(o => o.Value > 0).OrderBy(o => o.Key).Select(o => $"{o.Key.ToString().ToLowerInvariant()} {o.Value:N0}")) +
        (Count(LabelWriteOutcome.Rejected) > 0 ? $"; rejected rows and reasons in {RejectedRowsPath}" : "");
}
