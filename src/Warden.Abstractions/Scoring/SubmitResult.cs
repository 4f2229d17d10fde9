using Warden.Abstractions.Validation;

namespace Warden.Abstractions.Scoring;

/// <summary>
/// The answer to a submission: refused with every bad field named, or accepted and stored — with the
/// verdict when scoring finished in time, or status <see cref="ContentStatus.Received"/> while a
/// reminder re-drives it, or the text's verdict with status <see cref="ContentStatus.ScoringImages"/>
/// while its images are scored after it.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.scoring.submit-result")]
public sealed record SubmitResult(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] List<FieldError> Errors,
    [property: Id(2)] ContentRecord? Content,
    [property: Id(3)] bool Duplicate = false)
{
    public static SubmitResult Rejected(IReadOnlyList<FieldError> errors) => new(false, [.. errors], null);
}
