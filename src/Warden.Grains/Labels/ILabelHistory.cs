using Warden.Abstractions.Labels;

namespace Warden.Grains.Labels;

/// <summary>
/// Reads the append-only record of label changes (label_events in cluster mode, memory in development);
/// the <see cref="IEntityLabelStore"/> writes it together with each entity's state.
/// </summary>
public interface ILabelHistory
{
    Task<IReadOnlyList<LabelChange>> ForEntityAsync(string entity, int limit);

    Task<IReadOnlyList<LabelChange>> BySourceAsync(string sourceKey, DateTimeOffset from, DateTimeOffset to, int limit);
}
