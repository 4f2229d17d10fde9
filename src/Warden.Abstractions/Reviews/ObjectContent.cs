using Warden.Abstractions.Scoring;

namespace Warden.Abstractions.Reviews;

/// <summary>
/// The latest submitted content of an object under review: its text, how many images the host stores for
/// it (served by index, never by an outside address), the keywords the scoring rules matched in it, the
/// image model's class probabilities per image, and which images the page blurs whatever the queue says.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.reviews.object-content")]
public sealed record ObjectContent(
    [property: Id(0)] string ContentKey,
    [property: Id(1)] string? Text,
    [property: Id(2)] List<string> ImageNames,
    [property: Id(3)] List<string> KeywordHits)
{
    [Id(4)] public List<ImageClassScores> ImageScores { get; init; } = [];

    /// <summary>Indexes of images whose adult score reached <c>Warden:Scoring:BlurImagesAt</c>.</summary>
    [Id(5)] public List<int> SensitiveImages { get; init; } = [];
}
