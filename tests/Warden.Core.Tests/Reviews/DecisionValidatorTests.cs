using Warden.Abstractions.Reviews;
using Warden.Core.Queues;
using Warden.Core.Reviews;
using static Warden.Core.Tests.Queues.QueueSamples;

namespace Warden.Core.Tests.Reviews;

public sealed class DecisionValidatorTests
{
    private static readonly ReviewObject[] PinAndBoard = [new("item", "pin:1"), new("board", "board:2")];

    [Fact]
    public void A_decision_that_fits_the_config_passes()
    {
        var decision = Decide("ann", ("item", "remove"), ("board", "hide")) with { Labels = ["explicit", "minor involved"], Policies = ["porn"], Note = "<b>clear</b> case" };

        DecisionValidator.Validate(Load("adult-content"), decision, PinAndBoard).Should().BeEmpty();
    }

    [Fact]
    public void Every_misfit_is_named()
    {
        var decision = Decide("ann", ("item", "suspend"), ("owner", "warn"), ("item", "remove")) with { Labels = ["suggestive", "cute"], Policies = ["porn", "spam", "self_harm"] };

        var errors = DecisionValidator.Validate(Load("adult-content"), decision, PinAndBoard);

        errors.Should().Contain(e => e.Message.Contains("'suspend' is not allowed on pin"))
            .And.Contain(e => e.Message.Contains("no owner"))
            .And.Contain(e => e.Message.Contains("one action per object"))
            .And.Contain(e => e.Message.Contains("unknown label 'cute'"))
            .And.Contain(e => e.Message.Contains("'explicit' is mandatory"))
            .And.Contain(e => e.Message.Contains("policy 'spam' cannot be cited"))
            .And.Contain(e => e.Message.Contains("cite one policy, not 3"));
    }

    [Fact]
    public void A_decision_with_no_action_or_reviewer_is_refused()
    {
        var errors = DecisionValidator.Validate(Load("spam"), Decide(" "), [new ReviewObject("item", "pin:1")]);

        errors.Select(e => e.Field).Should().BeEquivalentTo(["Reviewer", "Actions"]);
    }
}
