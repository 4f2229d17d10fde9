namespace Warden.Abstractions.Queues;

/// <summary>A queue as the directory lists it: enough to group it and decide who sees it.</summary>
[GenerateSerializer, Immutable, Alias("warden.queues.summary")]
public sealed record QueueSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] int Version,
    [property: Id(3)] List<string> ReviewerGroups,
    [property: Id(4)] List<string> QueueGroups);
