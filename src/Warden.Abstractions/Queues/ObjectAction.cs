namespace Warden.Abstractions.Queues;

/// <summary>An action a reviewer took on one object of the job, e.g. pin → remove, user → warn.</summary>
[GenerateSerializer, Immutable, Alias("warden.queues.object-action")]
public sealed record ObjectAction([property: Id(0)] string ObjectType, [property: Id(1)] string Action);
