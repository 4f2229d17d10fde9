using Warden.Abstractions.Validation;

namespace Warden.Abstractions.Policies;

/// <summary>The outcome of saving a catalog: the new version, or every problem found and nothing saved.</summary>
[GenerateSerializer, Immutable, Alias("warden.policies.catalog-update-result")]
public sealed record CatalogUpdateResult(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] int Version,
    [property: Id(2)] List<FieldError> Errors);
