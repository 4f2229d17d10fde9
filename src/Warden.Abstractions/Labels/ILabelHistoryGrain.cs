namespace Warden.Abstractions.Labels;

/// <summary>Label history across entities: "what did this source do between these times?"</summary>
[Alias("warden.labels.history")]
public interface ILabelHistoryGrain : IGrainWithIntegerKey
{
    /// <summary>Changes by the source with key <paramref name="sourceKey"/> (e.g. <c>automated/spam-model/v7</c>), newest first.</summary>
    [Alias("by-source"), ReadOnly]
    Task<IReadOnlyList<LabelChange>> BySource(string sourceKey, DateTimeOffset from, DateTimeOffset to, int limit);
}
