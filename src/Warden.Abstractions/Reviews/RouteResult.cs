using Warden.Abstractions.Validation;

namespace Warden.Abstractions.Reviews;

/// <summary>The queue routing chose (null: no rule matched and there is no default) and the job opened there.</summary>
[GenerateSerializer, Immutable, Alias("warden.reviews.route-result")]
public sealed record RouteResult(
    [property: Id(0)] string? Queue,
    [property: Id(1)] EnqueueResult? Job,
    [property: Id(2)] List<FieldError> Errors);
