namespace Warden.Abstractions.Queues;

/// <summary>An object type the queue reviews (pin, user …) and the actions a reviewer may take on it here.</summary>
[GenerateSerializer, Immutable, Alias("warden.queues.object-type")]
public sealed record ObjectTypeConfig([property: Id(0)] string Type, [property: Id(1)] IReadOnlyList<string> Actions);
