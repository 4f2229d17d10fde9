using Warden.Abstractions.Reviews;

namespace Warden.Abstractions.Actions;

/// <summary>
/// An action of a final decision on its way downstream (delete the pin, warn the user). Delivered at
/// least once; receivers drop duplicates by <see cref="IdempotencyKey"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.actions.delivery")]
public sealed record ActionDelivery
{
    [Id(0)] public required string IdempotencyKey { get; init; }

    [Id(1)] public required string JobId { get; init; }

    [Id(2)] public required string Queue { get; init; }

    [Id(3)] public required ReviewObject Object { get; init; }

    [Id(4)] public required string Action { get; init; }

    [Id(5)] public List<string> Policies { get; init; } = [];

    [Id(6)] public required string DecidedBy { get; init; }

    [Id(7)] public DateTimeOffset DecidedAt { get; init; }

    [Id(8)] public ActionDeliveryState State { get; init; }

    [Id(9)] public int Attempts { get; init; }

    [Id(10)] public string? LastError { get; init; }

    [Id(11)] public DateTimeOffset? NextAttemptAt { get; init; }
}
