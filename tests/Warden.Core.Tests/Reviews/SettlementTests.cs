using Warden.Abstractions.Queues;
using Warden.Core.Reviews;
using static Warden.Core.Tests.Queues.QueueSamples;

namespace Warden.Core.Tests.Reviews;

public sealed class SettlementTests
{
    private static readonly ReviewDecision[] Split = [Decide("ann", ("item", "remove")), Decide("bobby", ("item", "limit"))];

    [Fact]
    public void Agreement_is_final_and_a_missing_decision_waits()
    {
        var two = new MultiReviewConfig { Reviewers = 2, Rule = ConsensusRule.Majority };

        Settlement.Of(two, [Split[0]], 2, "escalations").Step.Should().Be(SettlementStep.Wait);
        var agreed = Settlement.Of(two, [Split[0], Decide("carol", ("item", "remove"))], 2, "escalations");
        (agreed.Step, agreed.Final, agreed.How).Should().Be((SettlementStep.Final, Split[0], "consensus"));
    }

    [Fact]
    public void Disagreement_adds_a_reviewer_up_to_the_cap_then_moves_to_the_disagreement_queue()
    {
        var adding = new MultiReviewConfig { Reviewers = 2, Rule = ConsensusRule.Majority, OnDisagreement = DisagreementAction.AddReviewer, MaxReviewers = 3, DisagreementQueue = "seniors" };

        Settlement.Of(adding, Split, 2, "escalations").Step.Should().Be(SettlementStep.AddReviewer);
        var atCap = Settlement.Of(adding, [.. Split, Decide("carol", ("item", "approve"))], 3, "escalations");
        (atCap.Step, atCap.MoveTo).Should().Be((SettlementStep.Move, "seniors"), "the disagreement queue comes before the escalation queue");
        Settlement.Of(adding with { DisagreementQueue = null }, [.. Split, Decide("carol", ("item", "approve"))], 3, "escalations").MoveTo.Should().Be("escalations");
    }

    [Fact]
    public void The_last_tier_at_its_cap_takes_the_plurality_and_says_so()
    {
        var lastTier = new MultiReviewConfig { Reviewers = 3, Rule = ConsensusRule.Unanimous };
        var decisions = new[] { Decide("ann", ("item", "limit")), Decide("bobby", ("item", "remove")), Decide("carol", ("item", "remove")) };

        var settled = Settlement.Of(lastTier, decisions, 3, escalationQueue: null);

        (settled.Step, settled.Final, settled.How).Should().Be((SettlementStep.Final, decisions[1], "plurality at the reviewer cap"));
    }
}
