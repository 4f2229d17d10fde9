using Warden.Abstractions.Validation;

namespace Warden.Abstractions.Reviews;

/// <summary>The job a request opened (or had already opened), and the queue it waits in now (null once decided).</summary>
[GenerateSerializer, Immutable, Alias("warden.reviews.enqueue-result")]
public sealed record EnqueueResult(
    [property: Id(0)] string? JobId,
    [property: Id(1)] bool Created,
    [property: Id(2)] string? Queue,
    [property: Id(3)] List<FieldError> Errors)
{
    public static EnqueueResult Rejected(IReadOnlyList<FieldError> errors) => new(null, false, null, [.. errors]);
}
