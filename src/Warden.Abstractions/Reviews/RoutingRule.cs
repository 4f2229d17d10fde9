namespace Warden.Abstractions.Reviews;

/// <summary>
/// Sends matching work to <see cref="Queue"/>. A condition left null matches anything; rules are tried
/// in order and the first match wins.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.reviews.routing-rule")]
public sealed record RoutingRule
{
    [Id(0)] public required string Queue { get; init; }

    [Id(1)] public string? EntityType { get; init; }

    [Id(2)] public string? Policy { get; init; }

    /// <summary>Score band, inclusive below and exclusive above.</summary>
    [Id(3)] public double? MinScore { get; init; }

    [Id(4)] public double? MaxScore { get; init; }

    [Id(5)] public string? Locale { get; init; }

    [Id(6)] public string? ReportReason { get; init; }

    /// <summary>Priority the job gets in the queue.</summary>
    [Id(7)] public int Priority { get; init; }
}
