namespace Warden.Abstractions.Queues;

/// <summary>Who is asking to review, and the groups their account is in: queue access follows the groups.</summary>
[GenerateSerializer, Immutable, Alias("warden.queues.reviewer")]
public sealed record Reviewer([property: Id(0)] string Id, [property: Id(1)] List<string> Groups);
