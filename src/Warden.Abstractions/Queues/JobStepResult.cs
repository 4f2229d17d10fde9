using Warden.Abstractions.Validation;

namespace Warden.Abstractions.Queues;

/// <summary>What became of a reviewer's step on a leased job: a renewal, release, decision, pass, escalation or hold.</summary>
[GenerateSerializer, Immutable, Alias("warden.queues.decide-result")]
public sealed record JobStepResult(
    [property: Id(0)] JobStepOutcome Outcome,
    [property: Id(1)] List<FieldError> Errors,
    [property: Id(2)] ReviewDecision? Final = null,
    [property: Id(3)] string? MovedTo = null)
{
    public static JobStepResult Rejected(string field, string message) => new(JobStepOutcome.Rejected, [new FieldError(field, message)]);

    public static JobStepResult Rejected(IReadOnlyList<FieldError> errors) => new(JobStepOutcome.Rejected, [.. errors]);
}
