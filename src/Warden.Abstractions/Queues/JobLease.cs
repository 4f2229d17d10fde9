namespace Warden.Abstractions.Queues;

/// <summary>A reviewer's hold on a job until <see cref="Deadline"/>; decisions must present the token.</summary>
[GenerateSerializer, Immutable, Alias("warden.queues.lease")]
public sealed record JobLease(
    [property: Id(0)] string JobId,
    [property: Id(1)] string Token,
    [property: Id(2)] string Reviewer,
    [property: Id(3)] DateTimeOffset Deadline);
