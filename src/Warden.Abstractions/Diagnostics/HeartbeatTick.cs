namespace Warden.Abstractions.Diagnostics;

/// <summary>One firing of a probe's heartbeat reminder, and the silo it fired on.</summary>
[GenerateSerializer, Immutable, Alias("warden.diagnostics.heartbeat-tick")]
public sealed record HeartbeatTick([property: Id(0)] DateTimeOffset FiredAt, [property: Id(1)] string Silo);
