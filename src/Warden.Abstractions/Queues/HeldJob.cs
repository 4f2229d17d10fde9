namespace Warden.Abstractions.Queues;

/// <summary>A leased job whose reviewer asked a lead for help: who, why and since when.</summary>
[GenerateSerializer, Immutable, Alias("warden.queues.held-job")]
public sealed record HeldJob(
    [property: Id(0)] string JobId,
    [property: Id(1)] string Reviewer,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset HeldAt);
