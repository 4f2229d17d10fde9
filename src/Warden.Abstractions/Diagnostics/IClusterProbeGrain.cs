namespace Warden.Abstractions.Diagnostics;

/// <summary>
/// An operator's end-to-end check of a cluster: a round trip (<see cref="Ping"/>), durable grain
/// state (<see cref="Write"/>, <see cref="Read"/>) and durable reminders (<see cref="StartHeartbeat"/>).
/// Keyed by any name the operator picks.
/// </summary>
[Alias("warden.diagnostics.cluster-probe")]
public interface IClusterProbeGrain : IGrainWithStringKey
{
    /// <summary>A call that does nothing: the floor under every other grain call's latency.</summary>
    [Alias("ping")]
    Task Ping();

    /// <summary>Persists <paramref name="value"/> before returning.</summary>
    [Alias("write")]
    Task<ProbeSnapshot> Write(string value);

    [Alias("read")]
    Task<ProbeSnapshot> Read();

    /// <summary>Registers a durable reminder whose every tick is recorded in the probe's state.</summary>
    [Alias("start-heartbeat")]
    Task StartHeartbeat(TimeSpan dueTime, TimeSpan period);

    [Alias("stop-heartbeat")]
    Task StopHeartbeat();
}
