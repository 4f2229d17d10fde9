using Warden.Abstractions.Validation;

namespace Warden.Abstractions.Access;

[GenerateSerializer, Immutable, Alias("warden.access.account-result")]
public sealed record AccountResult(
    [property: Id(0)] AccountInfo? Account,
    [property: Id(1)] List<FieldError> Errors);
