namespace Warden.Abstractions.Bulk;

/// <summary>A bulk operation to run: the query, the action, who asks, and how many entities at once.</summary>
[GenerateSerializer, Immutable, Alias("warden.bulk.request")]
public sealed record BulkRequest
{
    [Id(0)] public required BulkQuery Query { get; init; }

    [Id(1)] public required BulkAction Action { get; init; }

    [Id(2)] public required string Actor { get; init; }

    /// <summary>Entities written at once (1–256).</summary>
    [Id(3)] public int Parallelism { get; init; } = 32;
}
