namespace Warden.Abstractions.Queues;

/// <summary>A queue's live numbers, as its grain keeps them.</summary>
[GenerateSerializer, Immutable, Alias("warden.queues.metrics")]
public sealed record QueueMetrics
{
    [Id(0)] public required string Queue { get; init; }

    /// <summary>Jobs in the queue, leased or not.</summary>
    [Id(1)] public int Depth { get; init; }

    [Id(2)] public int Leased { get; init; }

    [Id(3)] public TimeSpan OldestAge { get; init; }

    [Id(4)] public int DecisionsLastHour { get; init; }

    /// <summary>Lease to decision, over the most recent decisions.</summary>
    [Id(5)] public TimeSpan AverageHandleTime { get; init; }

    [Id(6)] public TimeSpan P90HandleTime { get; init; }

    /// <summary>Jobs now in the queue past the target handling time.</summary>
    [Id(7)] public int SlaBreached { get; init; }

    /// <summary>Breaches flagged since the queue was created.</summary>
    [Id(8)] public long SlaBreachesTotal { get; init; }

    /// <summary>Leased jobs whose reviewer asked a lead for help.</summary>
    [Id(9)] public int OnHold { get; init; }
}
