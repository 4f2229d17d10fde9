namespace Warden.Abstractions.Reviews;

/// <summary>What routing knows about a piece of work: the facts rules match on.</summary>
[GenerateSerializer, Immutable, Alias("warden.reviews.routing-request")]
public sealed record RoutingRequest
{
    [Id(0)] public required string EntityType { get; init; }

    [Id(1)] public string? Policy { get; init; }

    [Id(2)] public double? Score { get; init; }

    [Id(3)] public string? Locale { get; init; }

    [Id(4)] public string? ReportReason { get; init; }
}
