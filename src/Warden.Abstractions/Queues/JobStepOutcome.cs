namespace Warden.Abstractions.Queues;

/// <summary>Outcome of a <see cref="JobStepResult"/>; the alias keeps its stored and wire name.</summary>
[GenerateSerializer, Alias("warden.queues.decide-outcome")]
public enum JobStepOutcome
{
    /// <summary>Refused (errors say why); a live lease stays with the reviewer.</summary>
    Rejected = 0,

    /// <summary>Kept; the job waits for more reviewers.</summary>
    Recorded = 1,

    /// <summary>Consensus reached: labels are written and actions dispatched.</summary>
    Final = 2,

    /// <summary>Reviewers disagreed: the job took the queue's disagreement path.</summary>
    Disagreed = 3,
}
