using Warden.Abstractions.Validation;

namespace Warden.Abstractions.Bulk;

/// <summary>
/// A bulk operation's record and report: what it was, who ran it, its progress by outcome (matched,
/// applied, skipped — nothing to change —, failed, undone …), the first failures, and when it ran.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.bulk.operation")]
public sealed record BulkOperationInfo
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required BulkQuery Query { get; init; }

    [Id(2)] public required BulkAction Action { get; init; }

    [Id(3)] public required string Actor { get; init; }

    [Id(4)] public BulkStatus Status { get; init; }

    [Id(5)] public long Matched { get; init; }

    /// <summary>Entities by outcome: pending, applied, skipped, failed, undone, undo-skipped, undo-failed.</summary>
    [Id(6)] public Dictionary<string, long> Outcomes { get; init; } = new Dictionary<string, long>();

    [Id(7)] public List<string> Failures { get; init; } = [];

    [Id(8)] public DateTimeOffset CreatedAt { get; init; }

    [Id(9)] public DateTimeOffset? FinishedAt { get; init; }

    [Id(10)] public DateTimeOffset? UndoneAt { get; init; }

    [Id(11)] public List<FieldError> Errors { get; init; } = [];

    [Id(12)] public int Parallelism { get; init; }
}
