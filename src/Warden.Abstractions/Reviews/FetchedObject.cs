using Warden.Abstractions.Labels;

namespace Warden.Abstractions.Reviews;

/// <summary>
/// An object under review as a fetcher found it: displayable fields, its current labels, and the content
/// it was submitted with (text, stored images, the keyword hits the scoring cascade found in it), and when
/// asked for, why it is enforced on each surface and every change to its labels, whatever their source.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.reviews.fetched-object")]
public sealed record FetchedObject(
    [property: Id(0)] ReviewObject Object,
    [property: Id(1)] Dictionary<string, string> Fields,
    [property: Id(2)] List<Label> Labels,
    [property: Id(3)] string? Error = null,
    [property: Id(4)] ObjectContent? Content = null,
    [property: Id(5)] List<EnforcementDecision>? Explanation = null,
    [property: Id(6)] List<LabelChange>? History = null);
