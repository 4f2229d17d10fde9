namespace Warden.Abstractions.Diagnostics;

/// <summary>What a cluster probe holds: the last value written, and when its heartbeat reminder fired.</summary>
[GenerateSerializer, Immutable, Alias("warden.diagnostics.probe-snapshot")]
public sealed record ProbeSnapshot
{
    /// <summary>The silo that answered, as Orleans prints its address (e.g. <c>S127.0.0.1:11111:…</c>).</summary>
    [Id(0)] public required string Silo { get; init; }

    [Id(1)] public string? Value { get; init; }

    [Id(2)] public long Writes { get; init; }

    [Id(3)] public DateTimeOffset? WrittenAt { get; init; }

    /// <summary>Most recent heartbeat reminder ticks, oldest first.</summary>
    [Id(4)] public List<HeartbeatTick> Heartbeats { get; init; } = [];
}
