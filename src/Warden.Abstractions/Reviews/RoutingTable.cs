namespace Warden.Abstractions.Reviews;

/// <summary>The routing rules in order, versioned like every self-serve config.</summary>
[GenerateSerializer, Immutable, Alias("warden.reviews.routing-table")]
public sealed record RoutingTable
{
    [Id(0)] public int Version { get; init; }

    [Id(1)] public List<RoutingRule> Rules { get; init; } = [];

    /// <summary>Where work no rule matches goes; null leaves it unrouted (the caller is told).</summary>
    [Id(2)] public string? DefaultQueue { get; init; }
}
