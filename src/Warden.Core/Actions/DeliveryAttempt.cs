using Warden.Abstractions.Actions;

namespace Warden.Core.Actions;

/// <summary>
/// One attempt's bookkeeping: a delivery that is still pending after its last allowed attempt is dead-lettered;
/// one still pending waits the backoff before the next.
/// </summary>
public static class DeliveryAttempt
{
    /// <param name="outcome">What the receiver's answer means: delivered, pending (retry), or dead-lettered (never retry).</param>
    /// <param name="jitter">A number in [0, 1) for <see cref="Backoff"/>.</param>
    public static ActionDelivery After(ActionDelivery delivery, ActionDeliveryState outcome, string? error, int maxAttempts, TimeSpan initialBackoff, TimeSpan maxBackoff, DateTimeOffset now, double jitter)
    {
        var attempts = delivery.Attempts + 1;
        if (outcome == ActionDeliveryState.Pending && attempts >= maxAttempts)
        {
            outcome = ActionDeliveryState.DeadLettered;
        }

        return delivery with
        {
            State = outcome,
            Attempts = attempts,
            LastError = error,
            NextAttemptAt = outcome == ActionDeliveryState.Pending ? now + Backoff.After(attempts, initialBackoff, maxBackoff, jitter) : null,
        };
    }
}
