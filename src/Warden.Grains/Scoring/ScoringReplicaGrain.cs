using Orleans.BroadcastChannel;
using Warden.Abstractions.Scoring;
using Warden.Grains.Runtime;

namespace Warden.Grains.Scoring;

/// <summary>Receives scoring config changes on its silo (one per silo) and has the silo's engine reload.</summary>
public interface IScoringReplicaGrain : IGrainWithStringKey;

[ImplicitChannelSubscription(ScoringConfigGrain.ChannelNamespace)]
[SiloKeyPlacement]
public sealed class ScoringReplicaGrain(ScoringEngine engine, ILogger<ScoringReplicaGrain> logger)
    : Grain, IScoringReplicaGrain, IOnBroadcastChannelSubscribed
{
    public Task OnSubscribed(IBroadcastChannelSubscription subscription)
    {
        subscription.Attach<ScoringConfigChanged>(
            changed =>
            {
                // Not awaited: the reload reads the config grain, which is still waiting on this delivery.
                engine.RefreshSoon(changed.Version);
                return Task.CompletedTask;
            },
            error =>
            {
                logger.LogWarning(error, "Scoring config broadcast failed on this silo; the engine re-checks the config grain");
                return Task.CompletedTask;
            });
        return Task.CompletedTask;
    }
}
