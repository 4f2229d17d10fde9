using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace Warden.Grains.Runtime;

/// <summary>
/// Places a grain on the silo its key names (<see cref="SiloAddress.ToParsableString"/>), so a grain
/// per silo can receive what is broadcast to every silo. A key naming no live silo lands locally.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.runtime.silo-key-placement")]
public sealed class SiloKeyPlacement : PlacementStrategy
{
    public static readonly SiloKeyPlacement Instance = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloKeyPlacementAttribute() : PlacementAttribute(SiloKeyPlacement.Instance);

public sealed class SiloKeyPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString();
        var silo = context.GetCompatibleSilos(target).FirstOrDefault(s => s.ToParsableString() == key);
        return Task.FromResult(silo ?? context.LocalSilo);
    }
}
