using Warden.Abstractions.Labels;

namespace Warden.Grains.Events;

/// <summary>
/// Enforcement events stored with the state change that caused them, waiting to be published. The
/// label store adds them in the same write as the state; <see cref="OutboxRelay"/> drains them.
/// </summary>
public interface IEventOutbox
{
    /// <summary>
    /// Hands up to <paramref name="max"/> waiting events to <paramref name="publish"/> and removes them
    /// only once it returned; when it throws they stay for the next try. Returns how many were published.
    /// </summary>
    Task<int> RelayAsync(int max, Func<IReadOnlyList<EnforcementChanged>, Task> publish, CancellationToken cancellationToken);

    /// <summary>How many events wait to be published (for /metrics and tests).</summary>
    Task<long> PendingAsync(CancellationToken cancellationToken);
}
