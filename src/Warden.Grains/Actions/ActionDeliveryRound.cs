using Warden.Abstractions.Actions;
using Warden.Core.Actions;

namespace Warden.Grains.Actions;

/// <summary>
/// A round of webhook deliveries for one job's actions: each due delivery is sent, its attempt recorded,
/// and a delivery out of attempts handed to the dead letters. The job that owns the deliveries stores
/// them and sets its reminder for <see cref="NextAttemptAt"/>.
/// </summary>
public sealed class ActionDeliveryRound(ActionDispatcher dispatcher, IGrainFactory grains, TimeProvider clock)
{
    /// <summary>One attempt, for the job's history: the delivery as it is now.</summary>
    public sealed record Attempted(ActionDelivery Delivery);

    /// <summary>Attempts the pending deliveries that are due (all of them when <paramref name="force"/>), changing <paramref name="deliveries"/> in place.</summary>
    public async Task<IReadOnlyList<Attempted>> RunAsync(List<ActionDelivery> deliveries, bool force)
    {
        var options = dispatcher.Options;
        var now = clock.GetUtcNow();
        var attempted = new List<Attempted>();
        for (var i = 0; i < deliveries.Count; i++)
        {
            var delivery = deliveries[i];
            if (delivery.State != ActionDeliveryState.Pending || !force && delivery.NextAttemptAt > now)
            {
                continue;
            }

            var (outcome, error) = await dispatcher.SendAsync(delivery, CancellationToken.None);
            deliveries[i] = DeliveryAttempt.After(delivery, outcome, error, options.MaxAttempts, options.InitialBackoff, options.MaxBackoff, now, Random.Shared.NextDouble());
            attempted.Add(new Attempted(deliveries[i]));
            if (deliveries[i].State == ActionDeliveryState.DeadLettered)
            {
                await grains.GetGrain<IActionDeadLetterGrain>(IActionDeadLetterGrain.DefaultKey).Add(deliveries[i]);
            }
        }

        return attempted;
    }

    /// <summary>When the next pending delivery is due; null when none is pending.</summary>
    public static DateTimeOffset? NextAttemptAt(IEnumerable<ActionDelivery> deliveries) =>
        deliveries.Where(a => a.State == ActionDeliveryState.Pending).Min(a => a.NextAttemptAt);
}
