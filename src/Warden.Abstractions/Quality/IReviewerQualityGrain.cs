using Warden.Abstractions.Queues;
using Warden.Abstractions.Validation;

namespace Warden.Abstractions.Quality;

/// <summary>
/// A queue's golden jobs and reviewer quality, keyed by the queue id: leads add golden jobs; the queue mixes
/// copies in; each golden decision is scored here; agreement with consensus is read from the decisions log.
/// </summary>
[Alias("warden.quality.grain")]
public interface IReviewerQualityGrain : IGrainWithStringKey
{
    [Alias("add-golden")]
    Task<IReadOnlyList<FieldError>> AddGolden(GoldenJob golden, QueueConfig config);

    [Alias("golden"), ReadOnly]
    Task<IReadOnlyList<GoldenJob>> Golden();

    /// <summary>A golden job to mix in, or null when the queue has none.</summary>
    [Alias("pick-golden"), ReadOnly]
    Task<GoldenJob?> PickGolden();

    /// <summary>Scores a reviewer's decision on a golden copy; counted once per job.</summary>
    [Alias("record-golden")]
    Task RecordGolden(string jobId, string reviewer, bool correct);

    [Alias("report")]
    Task<QualityReport> Report(DateTimeOffset since);
}
