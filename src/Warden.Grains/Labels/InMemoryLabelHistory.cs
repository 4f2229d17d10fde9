using Warden.Abstractions.Labels;

namespace Warden.Grains.Labels;

/// <summary>Development mode's history: kept in this silo's memory, like everything else there.</summary>
public sealed class InMemoryLabelHistory : ILabelHistory
{
    private readonly List<LabelChange> _changes = [];
    private readonly Lock _lock = new();

    public void Append(IReadOnlyList<LabelChange> changes)
    {
        lock (_lock)
        {
            _changes.AddRange(changes);
        }
    }

    public Task<IReadOnlyList<LabelChange>> ForEntityAsync(string entity, int limit) =>
        Query(c => c.Entity == entity, limit);

    public Task<IReadOnlyList<LabelChange>> BySourceAsync(string sourceKey, DateTimeOffset from, DateTimeOffset to, int limit) =>
        Query(c => c.Label.Source.Key == sourceKey && c.At >= from && c.At < to, limit);

    private Task<IReadOnlyList<LabelChange>> Query(Func<LabelChange, bool> match, int limit)
    {
        lock (_lock)
        {
            IReadOnlyList<LabelChange> found = [.. Enumerable.Reverse(_changes).Where(match).Take(limit)];
            return Task.FromResult(found);
        }
    }
}
