namespace Warden.Abstractions.Events;

/// <summary>A stream message that was not delivered: out of attempts, or past its expiry.</summary>
[GenerateSerializer, Immutable, Alias("warden.events.dead-letter")]
public sealed record StreamDeadLetter
{
    [Id(0)] public required long MessageId { get; init; }

    /// <summary>The stream provider: <c>warden</c> (enforcement events) or <c>warden-ingest</c> (label writes).</summary>
    [Id(1)] public required string Provider { get; init; }

    [Id(2)] public required string Queue { get; init; }

    [Id(3)] public int Attempts { get; init; }

    [Id(4)] public DateTimeOffset CreatedAt { get; init; }

    [Id(5)] public DateTimeOffset DeadAt { get; init; }

    /// <summary>When it is deleted unless replayed.</summary>
    [Id(6)] public DateTimeOffset RemovedAt { get; init; }

    [Id(7)] public int PayloadBytes { get; init; }
}
