namespace Warden.Abstractions.Queues;

/// <summary>A saved version of a queue config: who saved it and when.</summary>
[GenerateSerializer, Immutable, Alias("warden.queues.config-version")]
public sealed record ConfigVersionInfo(
    [property: Id(0)] int Version,
    [property: Id(1)] DateTimeOffset SavedAt,
    [property: Id(2)] string SavedBy);
