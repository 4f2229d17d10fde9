namespace Warden.Abstractions.Reviews;

/// <summary>A user report that caused (or joined) a job.</summary>
[GenerateSerializer, Immutable, Alias("warden.reviews.report")]
public sealed record JobReport(
    [property: Id(0)] string Reporter,
    [property: Id(1)] string Reason,
    [property: Id(2)] string? Text,
    [property: Id(3)] DateTimeOffset At);
