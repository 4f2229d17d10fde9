using Warden.Abstractions.Labels;

namespace Warden.Grains.Labels;

/// <summary>The append-only record of label changes: PostgreSQL in cluster mode, memory in development.</summary>
public interface ILabelHistory
{
    Task AppendAsync(IReadOnlyList<LabelChange> changes);

    Task<IReadOnlyList<LabelChange>> ForEntityAsync(string entity, int limit);

    Task<IReadOnlyList<LabelChange>> BySourceAsync(string sourceKey, DateTimeOffset from, DateTimeOffset to, int limit);
}
