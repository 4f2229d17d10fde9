using Warden.Abstractions.Labels;

namespace Warden.Abstractions.Reviews;

/// <summary>An object under review as a fetcher found it: displayable fields and its current labels.</summary>
[GenerateSerializer, Immutable, Alias("warden.reviews.fetched-object")]
public sealed record FetchedObject(
    [property: Id(0)] ReviewObject Object,
    [property: Id(1)] IReadOnlyDictionary<string, string> Fields,
    [property: Id(2)] IReadOnlyList<Label> Labels,
    [property: Id(3)] string? Error = null);
