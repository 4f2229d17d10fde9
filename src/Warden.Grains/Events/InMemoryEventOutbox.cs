using Warden.Abstractions.Labels;

namespace Warden.Grains.Events;

/// <summary>Development mode's outbox: this silo's memory, filled by the in-memory label store.</summary>
public sealed class InMemoryEventOutbox(OutboxSignal signal) : IEventOutbox
{
    private readonly Lock _gate = new();
    private readonly LinkedList<EnforcementChanged> _waiting = new();

    public void Add(IReadOnlyList<EnforcementChanged> events)
    {
        lock (_gate)
        {
            foreach (var e in events)
            {
                _waiting.AddLast(e);
            }
        }

        signal.Nudge();
    }

    public async Task<int> RelayAsync(int max, Func<IReadOnlyList<EnforcementChanged>, Task> publish, CancellationToken cancellationToken)
    {
        List<EnforcementChanged> batch;
        lock (_gate)
        {
            batch = [.. _waiting.Take(max)];
        }

        if (batch.Count == 0)
        {
            return 0;
        }

        await publish(batch);
        lock (_gate)
        {
            // Only this silo's relay takes from the list, so the published ones are still its head.
            for (var i = 0; i < batch.Count; i++)
            {
                _waiting.RemoveFirst();
            }
        }

        return batch.Count;
    }

    public Task<long> PendingAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult((long)_waiting.Count);
        }
    }
}
