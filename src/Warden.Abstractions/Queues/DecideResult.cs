using Warden.Abstractions.Labels;

namespace Warden.Abstractions.Queues;

/// <summary>What became of a decision, a pass or an escalation.</summary>
[GenerateSerializer, Immutable, Alias("warden.queues.decide-result")]
public sealed record DecideResult(
    [property: Id(0)] DecideOutcome Outcome,
    [property: Id(1)] List<FieldError> Errors,
    [property: Id(2)] ReviewDecision? Final = null,
    [property: Id(3)] string? MovedTo = null)
{
    public static DecideResult Rejected(string field, string message) => new(DecideOutcome.Rejected, [new FieldError(field, message)]);

    public static DecideResult Rejected(IReadOnlyList<FieldError> errors) => new(DecideOutcome.Rejected, [.. errors]);
}
