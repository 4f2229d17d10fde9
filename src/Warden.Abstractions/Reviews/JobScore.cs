namespace Warden.Abstractions.Reviews;

/// <summary>A score an automated system gave the content, with the evidence that drove it (rule hit, bank match).</summary>
[GenerateSerializer, Immutable, Alias("warden.reviews.score")]
public sealed record JobScore(
    [property: Id(0)] string Name,
    [property: Id(1)] double Value,
    [property: Id(2)] string? Evidence = null);
