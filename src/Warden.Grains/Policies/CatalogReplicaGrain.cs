using Orleans.BroadcastChannel;
using Warden.Abstractions.Policies;
using Warden.Grains.Runtime;

namespace Warden.Grains.Policies;

/// <summary>Receives catalog versions on its silo (one per silo) and installs them in the silo's cache.</summary>
public interface ICatalogReplicaGrain : IGrainWithStringKey;

[ImplicitChannelSubscription(PolicyCatalogGrain.ChannelNamespace)]
[SiloKeyPlacement]
public sealed class CatalogReplicaGrain(CatalogCache cache, ILogger<CatalogReplicaGrain> logger)
    : Grain, ICatalogReplicaGrain, IOnBroadcastChannelSubscribed
{
    public Task OnSubscribed(IBroadcastChannelSubscription subscription)
    {
        subscription.Attach<PolicyCatalog>(
            catalog =>
            {
                cache.Apply(catalog);
                return Task.CompletedTask;
            },
            error =>
            {
                logger.LogWarning(error, "Catalog broadcast failed on this silo; the cache re-checks the catalog grain");
                return Task.CompletedTask;
            });
        return Task.CompletedTask;
    }
}
