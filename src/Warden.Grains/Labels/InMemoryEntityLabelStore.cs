using System.Collections.Concurrent;
using System.Text.Json;
using Orleans.Storage;
using Warden.Abstractions.Labels;
using Warden.Grains.Events;
using Warden.Grains.Runtime;

namespace Warden.Grains.Labels;

/// <summary>Development mode's label store: this silo's memory, history included.</summary>
public sealed class InMemoryEntityLabelStore(InMemoryLabelHistory history, InMemoryEventOutbox outbox) : IEntityLabelStore
{
    private readonly ConcurrentDictionary<string, (string Json, int Version)> _entities = new();

    public Task<(EntityLabelState State, int Version)> ReadAsync(string entity) =>
        Task.FromResult(_entities.TryGetValue(entity, out var stored)
            ? (JsonSerializer.Deserialize<EntityLabelState>(stored.Json, StoredJson.Options)!, stored.Version)
            : (new EntityLabelState(), 0));

    public Task<int> WriteAsync(string entity, EntityLabelState state, int expectedVersion, IReadOnlyList<LabelChange> changes, IReadOnlyList<EnforcementChanged> events)
    {
        // A copy, so later changes to the live state object are not "stored" without a write.
        var next = (JsonSerializer.Serialize(state, StoredJson.Options), expectedVersion + 1);
        var stored = expectedVersion == 0
            ? _entities.TryAdd(entity, next)
            : _entities.TryGetValue(entity, out var current) && current.Version == expectedVersion && _entities.TryUpdate(entity, next, current);
        if (!stored)
        {
            throw new InconsistentStateException($"The labels of {entity} changed elsewhere (expected version {expectedVersion}).");
        }

        history.Append(changes);
        outbox.Add(events);
        return Task.FromResult(expectedVersion + 1);
    }
}
