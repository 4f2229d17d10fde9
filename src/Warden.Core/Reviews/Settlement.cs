using Warden.Abstractions.Queues;

namespace Warden.Core.Reviews;

/// <summary>What a review job does after a decision: finish, wait for more, add a reviewer, or move on.</summary>
public enum SettlementStep
{
    /// <summary>More decisions are needed.</summary>
    Wait,

    /// <summary><see cref="Settlement.Final"/> is the job's decision.</summary>
    Final,

    /// <summary>Reviewers disagreed below the cap: one more reviewer is required.</summary>
    AddReviewer,

    /// <summary>Reviewers disagreed: the job moves to <see cref="Settlement.MoveTo"/>.</summary>
    Move,
}

/// <summary>
/// The outcome of a job's decisions in one queue under its multi-review config: consensus when the rule is
/// met; on disagreement, another reviewer (up to the cap), else the disagreement or escalation queue, else
/// — the last tier, at its cap — the most common decision, saying so.
/// </summary>
public sealed record Settlement(SettlementStep Step, ReviewDecision? Final = null, string? How = null, string? MoveTo = null)
{
    /// <param name="reviewersRequired">The config's reviewers, plus any the disagreement path added.</param>
    public static Settlement Of(MultiReviewConfig multi, IReadOnlyList<ReviewDecision> decisions, int reviewersRequired, string? escalationQueue)
    {
        var consensus = Consensus.Evaluate(multi, decisions, reviewersRequired);
        switch (consensus.State)
        {
            case ConsensusState.Agreed:
                return new Settlement(SettlementStep.Final, consensus.Final, "consensus");
            case ConsensusState.Pending:
                return new Settlement(SettlementStep.Wait);
        }

        if (multi.OnDisagreement == DisagreementAction.AddReviewer && reviewersRequired < multi.MaxReviewers)
        {
            return new Settlement(SettlementStep.AddReviewer);
        }

        if ((multi.DisagreementQueue ?? escalationQueue) is { } target)
        {
            return new Settlement(SettlementStep.Move, MoveTo: target);
        }

        return new Settlement(SettlementStep.Final, Consensus.Plurality(decisions), "plurality at the reviewer cap");
    }
}
