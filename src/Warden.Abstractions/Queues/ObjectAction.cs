namespace Warden.Abstractions.Queues;

/// <summary>
/// An action a reviewer took on one object of the job, named by its role there
/// (<c>item</c> → remove, <c>owner</c> → warn): a job may hold two objects of the same type.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.queues.object-action")]
public sealed record ObjectAction([property: Id(0)] string Object, [property: Id(1)] string Action);
