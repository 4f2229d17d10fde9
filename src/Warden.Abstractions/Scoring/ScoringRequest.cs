namespace Warden.Abstractions.Scoring;

/// <summary>What a scoring worker needs: the content, and the author's trust already worked out (0 to 1, 0.5 unknown).</summary>
[GenerateSerializer, Immutable, Alias("warden.scoring.request")]
public sealed record ScoringRequest(
    [property: Id(0)] string Entity,
    [property: Id(1)] string? Text,
    [property: Id(2)] List<SubmittedImage> Images,
    [property: Id(3)] double AuthorTrust);
