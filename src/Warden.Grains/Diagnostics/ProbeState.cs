using Warden.Abstractions.Diagnostics;

namespace Warden.Grains.Diagnostics;

[GenerateSerializer, Alias("warden.diagnostics.probe-state")]
public sealed class ProbeState
{
    [Id(0)] public string? Value { get; set; }

    [Id(1)] public long Writes { get; set; }

    [Id(2)] public DateTimeOffset? WrittenAt { get; set; }

    [Id(3)] public List<HeartbeatTick> Heartbeats { get; set; } = [];
}
