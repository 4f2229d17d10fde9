namespace Warden.Abstractions.Reviews;

/// <summary>
/// The latest submitted content of an object under review: its text, how many images the host stores for
/// it (served by index, never by an outside address), and the keywords the scoring rules matched in it.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.reviews.object-content")]
public sealed record ObjectContent(
    [property: Id(0)] string ContentKey,
    [property: Id(1)] string? Text,
    [property: Id(2)] List<string> ImageNames,
    [property: Id(3)] List<string> KeywordHits);
