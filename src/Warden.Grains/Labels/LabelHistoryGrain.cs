using Warden.Abstractions.Labels;

namespace Warden.Grains.Labels;

/// <summary>Answers history queries across entities from the silo's history store.</summary>
[StatelessWorker]
public sealed class LabelHistoryGrain(ILabelHistory history) : Grain, ILabelHistoryGrain
{
    public const int MaxRows = 10_000;

    public Task<IReadOnlyList<LabelChange>> BySource(string sourceKey, DateTimeOffset from, DateTimeOffset to, int limit)
    {
        if (string.IsNullOrWhiteSpace(sourceKey))
        {
            throw new ArgumentException("sourceKey must name a source, e.g. automated/spam-model/v7.", nameof(sourceKey));
        }

        if (to <= from)
        {
            throw new ArgumentException($"The range is empty: to ({to:O}) must be after from ({from:O}).", nameof(to));
        }

        if (limit is < 1 or > MaxRows)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"limit must be between 1 and {MaxRows}");
        }

        return history.BySourceAsync(sourceKey, from, to, limit);
    }
}
