using Warden.Abstractions.Actions;
using Warden.Abstractions.Reviews;
using Warden.Core.Actions;

namespace Warden.Core.Tests.Actions;

public sealed class DeliveryAttemptTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private static readonly ActionDelivery Pending = new()
    {
        IdempotencyKey = "job-1/item/remove", JobId = "job-1", Queue = "spam-en", Object = new ReviewObject("item", "pin:1"),
        Action = "remove", DecidedBy = "ann", State = ActionDeliveryState.Pending,
    };

    [Fact]
    public void A_failed_attempt_waits_the_backoff_and_the_last_allowed_one_dead_letters()
    {
        var first = DeliveryAttempt.After(Pending, ActionDeliveryState.Pending, "503", maxAttempts: 2, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), Now, jitter: 0.5);
        (first.State, first.Attempts, first.LastError, first.NextAttemptAt).Should().Be((ActionDeliveryState.Pending, 1, "503", Now.AddSeconds(1)));

        var second = DeliveryAttempt.After(first, ActionDeliveryState.Pending, "503", maxAttempts: 2, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), Now, jitter: 0.5);
        (second.State, second.Attempts, second.NextAttemptAt).Should().Be((ActionDeliveryState.DeadLettered, 2, (DateTimeOffset?)null));
    }

    [Fact]
    public void A_delivered_attempt_is_settled()
    {
        var delivered = DeliveryAttempt.After(Pending, ActionDeliveryState.Delivered, null, maxAttempts: 5, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), Now, jitter: 0);
        (delivered.State, delivered.Attempts, delivered.NextAttemptAt).Should().Be((ActionDeliveryState.Delivered, 1, (DateTimeOffset?)null));
    }
}
