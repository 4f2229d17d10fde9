using System.Collections.Concurrent;
using Warden.Abstractions.Labels;

namespace Warden.Grains.Reviews;

/// <summary>Development mode's record of pending hold reviews, by entity and source.</summary>
public sealed class InMemoryHoldReviewRequests : IHoldReviewRequests
{
    private readonly ConcurrentDictionary<(string Entity, string Source), LabelChange> _pending = new();

    public IReadOnlyCollection<LabelChange> Pending => [.. _pending.Values];

    public Task RecordAsync(IReadOnlyList<LabelChange> changes)
    {
        foreach (var change in changes)
        {
            var key = (change.Entity, change.Label.Source.Key);
            if (change.Kind == LabelChangeKind.Held)
            {
                _pending[key] = change;
            }
            else if (_pending.TryGetValue(key, out var held) && held.Label == change.Label)
            {
                _pending.TryRemove(key, out _);
            }
        }

        return Task.CompletedTask;
    }
}
