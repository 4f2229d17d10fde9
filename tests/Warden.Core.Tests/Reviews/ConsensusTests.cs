using Warden.Abstractions.Queues;
using Warden.Core.Queues;
using Warden.Core.Reviews;
using static Warden.Core.Tests.Queues.QueueSamples;

namespace Warden.Core.Tests.Reviews;

public sealed class ConsensusTests
{
    private static readonly MultiReviewConfig TwoOfThree = new() { Reviewers = 3, Rule = ConsensusRule.KOfN, K = 2 };

    [Fact]
    public void Two_of_three_agree_as_soon_as_two_match()
    {
        var first = Decide("ann", ("item", "remove"), ("owner", "warn"));
        var second = Decide("bobby", ("owner", "warn"), ("item", "remove"));

        Consensus.Evaluate(TwoOfThree, [first], 3).State.Should().Be(ConsensusState.Pending);
        var agreed = Consensus.Evaluate(TwoOfThree, [first, second], 3);

        agreed.State.Should().Be(ConsensusState.Agreed);
        agreed.Final.Should().Be(first, "the earliest of the agreeing decisions");
    }

    [Fact]
    public void Two_of_three_disagree_when_all_three_differ()
    {
        var decisions = new[] { Decide("ann", ("item", "remove")), Decide("bobby", ("item", "limit")) };

        Consensus.Evaluate(TwoOfThree, decisions, 3).State.Should().Be(ConsensusState.Pending, "a third reviewer can still side with one");
        Consensus.Evaluate(TwoOfThree, [.. decisions, Decide("carol", ("item", "approve"))], 3).State.Should().Be(ConsensusState.Disagreed);
    }

    [Fact]
    public void Unanimity_fails_at_the_first_differing_decision()
    {
        var unanimous = new MultiReviewConfig { Reviewers = 3, Rule = ConsensusRule.Unanimous };

        Consensus.Evaluate(unanimous, [Decide("ann", ("item", "remove")), Decide("bobby", ("item", "remove"))], 3).State.Should().Be(ConsensusState.Pending);
        Consensus.Evaluate(unanimous, [Decide("ann", ("item", "remove")), Decide("bobby", ("item", "limit"))], 3).State.Should().Be(ConsensusState.Disagreed);
        Consensus.Evaluate(unanimous, [Decide("ann", ("item", "remove")), Decide("bobby", ("item", "remove")), Decide("carol", ("item", "remove"))], 3).State.Should().Be(ConsensusState.Agreed);
    }

    [Fact]
    public void Majority_of_four_needs_three()
    {
        var majority = new MultiReviewConfig { Reviewers = 4, Rule = ConsensusRule.Majority };
        var two = new[] { Decide("ann", ("item", "remove")), Decide("bobby", ("item", "remove")) };

        Consensus.Evaluate(majority, two, 4).State.Should().Be(ConsensusState.Pending);
        Consensus.Evaluate(majority, [.. two, Decide("carol", ("item", "limit")), Decide("dave", ("item", "limit"))], 4).State.Should().Be(ConsensusState.Disagreed);
        Consensus.Evaluate(majority, [.. two, Decide("carol", ("item", "remove"))], 4).State.Should().Be(ConsensusState.Agreed);
    }

    [Fact]
    public void An_added_reviewer_can_break_a_tie()
    {
        var unanimousTwo = new MultiReviewConfig { Reviewers = 2, Rule = ConsensusRule.Majority };
        var split = new[] { Decide("ann", ("item", "remove")), Decide("bobby", ("item", "limit")) };

        Consensus.Evaluate(unanimousTwo, split, 2).State.Should().Be(ConsensusState.Disagreed);
        Consensus.Evaluate(unanimousTwo, [.. split, Decide("carol", ("item", "limit"))], 3).Final!.Reviewer.Should().Be("bobby");
    }

    [Fact]
    public void A_reviewer_deciding_twice_is_refused()
    {
        var twice = () => Consensus.Evaluate(TwoOfThree, [Decide("ann", ("item", "remove")), Decide("ann", ("item", "remove"))], 3);

        twice.Should().Throw<ArgumentException>();
    }
}
