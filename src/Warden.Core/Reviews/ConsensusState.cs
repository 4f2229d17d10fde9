namespace Warden.Core.Reviews;

public enum ConsensusState
{
    /// <summary>More decisions are needed before the rule can be met or missed.</summary>
    Pending,

    /// <summary>The rule is met; the job has its final decision.</summary>
    Agreed,

    /// <summary>The rule can no longer be met: the queue's disagreement path applies.</summary>
    Disagreed,
}
