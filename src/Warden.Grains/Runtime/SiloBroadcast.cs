using Orleans.BroadcastChannel;

namespace Warden.Grains.Runtime;

/// <summary>
/// Publishes an item to every active silo: one BroadcastChannel id per silo, received there by a
/// grain pinned to that silo with <see cref="SiloKeyPlacement"/>.
/// </summary>
public sealed class SiloBroadcast(IClusterMembershipService membership, IClusterClient client)
{
    /// <summary>The broadcast channel provider every Warden silo registers.</summary>
    public const string ProviderName = "warden";

    public async Task PublishAsync<T>(string channelNamespace, T item)
        where T : notnull
    {
        var provider = client.GetBroadcastChannelProvider(ProviderName);
        var silos = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .Select(m => m.SiloAddress.ToParsableString());
        await Task.WhenAll(silos.Select(silo => provider.GetChannelWriter<T>(ChannelId.Create(channelNamespace, silo)).Publish(item)));
    }
}
