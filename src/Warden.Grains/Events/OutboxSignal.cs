namespace Warden.Grains.Events;

/// <summary>Wakes this silo's relay when a write added events, so publishing waits for no poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _nudged = new(0, 1);

    public void Nudge()
    {
        if (_nudged.CurrentCount == 0)
        {
            try
            {
                _nudged.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another writer nudged at the same moment: one wake-up is enough.
            }
        }
    }

    /// <summary>True when nudged, false when <paramref name="timeout"/> passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _nudged.WaitAsync(timeout, cancellationToken);
}
