using Warden.Abstractions.Validation;

namespace Warden.Abstractions.Bulk;

/// <summary>A dry run: how many entities the query matches now and a sample of them, or why the query is refused.</summary>
[GenerateSerializer, Immutable, Alias("warden.bulk.preview")]
public sealed record BulkPreview(
    [property: Id(0)] long Count,
    [property: Id(1)] List<string> Sample,
    [property: Id(2)] List<FieldError> Errors);
