using Warden.Abstractions.Validation;

namespace Warden.Abstractions.Access;

/// <summary>A new key: <see cref="Key"/> is shown this once and never stored.</summary>
[GenerateSerializer, Immutable, Alias("warden.access.created-api-key")]
public sealed record CreatedApiKey(
    [property: Id(0)] ApiKeyInfo? Info,
    [property: Id(1)] string? Key,
    [property: Id(2)] List<FieldError> Errors);
