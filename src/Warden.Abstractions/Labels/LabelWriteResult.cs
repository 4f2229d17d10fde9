using Warden.Abstractions.Validation;

namespace Warden.Abstractions.Labels;

[GenerateSerializer, Immutable, Alias("warden.labels.write-result")]
public sealed record LabelWriteResult(
    [property: Id(0)] LabelWriteOutcome Outcome,
    [property: Id(1)] List<FieldError> Errors)
{
    public static LabelWriteResult Of(LabelWriteOutcome outcome) => new(outcome, []);

    public static LabelWriteResult Rejected(IReadOnlyList<FieldError> errors) => new(LabelWriteOutcome.Rejected, [.. errors]);
}
