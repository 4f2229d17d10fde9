namespace Warden.Abstractions.Queues;

/// <summary>A free-form label a reviewer can apply with a hotkey; mandatory ones must be chosen to submit.</summary>
[GenerateSerializer, Immutable, Alias("warden.queues.label")]
public sealed record QueueLabel([property: Id(0)] string Name, [property: Id(1)] string Hotkey, [property: Id(2)] bool Mandatory = false);
