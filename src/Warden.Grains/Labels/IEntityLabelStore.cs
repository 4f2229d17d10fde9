using Warden.Abstractions.Labels;

namespace Warden.Grains.Labels;

/// <summary>
/// Where an entity's labels live: its state and the history rows of each change, written together
/// (one atomic statement on PostgreSQL) under an optimistic version.
/// </summary>
public interface IEntityLabelStore
{
    /// <summary>The stored state and its version, or a new state and version 0 for an entity never written.</summary>
    Task<(EntityLabelState State, int Version)> ReadAsync(string entity);

    /// <summary>
    /// Stores <paramref name="state"/> with <paramref name="changes"/> as history if the stored version is
    /// still <paramref name="expectedVersion"/>, and returns the new version; otherwise throws
    /// <see cref="Orleans.Storage.InconsistentStateException"/> and stores nothing. <paramref name="events"/>
    /// go to the outbox in the same write, so a stored change is always announced.
    /// </summary>
    Task<int> WriteAsync(string entity, EntityLabelState state, int expectedVersion, IReadOnlyList<LabelChange> changes, IReadOnlyList<EnforcementChanged> events);
}
