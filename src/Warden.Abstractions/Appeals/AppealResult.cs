using Warden.Abstractions.Validation;

namespace Warden.Abstractions.Appeals;

/// <summary>The appeal as filed, or every reason it was refused.</summary>
[GenerateSerializer, Immutable, Alias("warden.appeals.result")]
public sealed record AppealResult([property: Id(0)] AppealRecord? Appeal, [property: Id(1)] List<FieldError> Errors);
