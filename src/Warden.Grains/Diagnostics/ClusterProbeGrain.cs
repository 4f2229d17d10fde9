using Warden.Abstractions.Diagnostics;
using Warden.Abstractions.Runtime;

namespace Warden.Grains.Diagnostics;

/// <remarks>Placed at random, not by load: probes exist to touch every silo, so they must not all land on the least busy one.</remarks>
[Orleans.Placement.RandomPlacement]
public sealed class ClusterProbeGrain(
    [PersistentState("probe", WardenProviders.GrainStorage)] IPersistentState<ProbeState> state,
    TimeProvider clock)
    : Grain, IClusterProbeGrain, IRemindable
{
    private const string HeartbeatReminder = "heartbeat";

    /// <summary>Keeps the state small: a probe's history is for a glance, not an archive.</summary>
    private const int MaxHeartbeats = 32;

    public Task Ping() => Task.CompletedTask;

    public async Task<ProbeSnapshot> Write(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        state.State.Value = value;
        state.State.Writes++;
        state.State.WrittenAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        return Snapshot();
    }

    public Task<ProbeSnapshot> Read() => Task.FromResult(Snapshot());

    public Task StartHeartbeat(TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(HeartbeatReminder, dueTime, period);

    public async Task StopHeartbeat()
    {
        var reminder = await this.GetReminder(HeartbeatReminder);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != HeartbeatReminder)
        {
            return;
        }

        var ticks = state.State.Heartbeats;
        ticks.Add(new HeartbeatTick(clock.GetUtcNow(), SiloName));
        if (ticks.Count > MaxHeartbeats)
        {
            ticks.RemoveRange(0, ticks.Count - MaxHeartbeats);
        }

        await state.WriteStateAsync();
    }

    private string SiloName => RuntimeIdentity;

    private ProbeSnapshot Snapshot() => new()
    {
        Silo = SiloName,
        Value = state.State.Value,
        Writes = state.State.Writes,
        WrittenAt = state.State.WrittenAt,
        Heartbeats = [.. state.State.Heartbeats],
    };
}
