using Warden.Abstractions.Queues;

namespace Warden.Grains.Queues;

/// <summary>A queue's stored config: every saved version is kept, because jobs remember theirs.</summary>
[GenerateSerializer, Alias("warden.queues.config-state")]
public sealed class QueueConfigState
{
    [Id(0)] public List<QueueConfig> Versions { get; set; } = [];

    [Id(1)] public List<ConfigVersionInfo> Saved { get; set; } = [];

    [Id(2)] public long SlaBreachesTotal { get; set; }

    public QueueConfig? Current => Versions.Count > 0 ? Versions[^1] : null;
}
