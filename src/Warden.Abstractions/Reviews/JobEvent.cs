namespace Warden.Abstractions.Reviews;

/// <summary>One entry of a job's history: opened, decided, passed, escalated, SLA breach, action delivered …</summary>
[GenerateSerializer, Immutable, Alias("warden.reviews.job-event")]
public sealed record JobEvent(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Actor,
    [property: Id(3)] string? Detail = null);
