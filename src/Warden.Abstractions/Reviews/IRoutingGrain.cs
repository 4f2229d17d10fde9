using Warden.Abstractions.Validation;

namespace Warden.Abstractions.Reviews;

/// <summary>
/// Maps work to queues by entity type, policy, score band, locale and report reason (key <c>default</c>).
/// Scoring and outside reports send their jobs through it.
/// </summary>
[Alias("warden.reviews.routing")]
public interface IRoutingGrain : IGrainWithStringKey
{
    /// <summary>The cluster has one; this is its key.</summary>
    const string DefaultKey = "default";

    [Alias("get-table"), ReadOnly]
    Task<RoutingTable> GetTable();

    /// <summary>Replaces the rules if <paramref name="expectedVersion"/> is current; every error listed otherwise.</summary>
    [Alias("set-table")]
    Task<IReadOnlyList<FieldError>> SetTable(RoutingTable table, int expectedVersion, string actor);

    [Alias("route"), ReadOnly]
    Task<string?> Route(RoutingRequest request);

    /// <summary>Routes the work and opens its job in the chosen queue.</summary>
    [Alias("submit")]
    Task<RouteResult> Submit(RoutingRequest request, EnqueueRequest job);
}
