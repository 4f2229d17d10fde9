using Warden.Abstractions.Labels;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Core.Queues;
using Warden.Core.Reviews;
using static Warden.Core.Tests.Queues.QueueSamples;

namespace Warden.Core.Tests.Reviews;

public sealed class HumanLabelsTests
{
    private static readonly HashSet<string> Enforcements = ["allow", "hide_from_recommendations", "limit", "block"];
    private static readonly ReviewObject[] PinAndOwner = [new("item", "pin:1"), new("owner", "user:2")];

    [Fact]
    public void Each_action_writes_its_mapped_enforcement_under_the_queue_source()
    {
        var final = Decide("ann", ("item", "remove"), ("owner", "suspend")) with { Labels = ["scam"] };

        var labels = HumanLabels.For("job-1", "spam-en", Load("spam"), final, PinAndOwner, Enforcements.Contains);

        labels.Select(l => (l.Entity, l.Label.Enforcement, l.Label.Policy)).Should().Equal(("pin:1", "block", "spam"), ("user:2", "block", "spam"));
        labels.Should().OnlyContain(l => l.Label.Source == new LabelSource("warden-review", SourceKind.Human, "spam-en") && l.Label.CreatedAt == final.DecidedAt);
        labels[0].Label.Evidence.Should().Be("job job-1: remove by ann [scam]");
    }

    [Fact]
    public void Actions_named_like_an_enforcement_write_it_and_others_write_nothing()
    {
        var final = Decide("ann", ("item", "limit"), ("owner", "warn"));

        var labels = HumanLabels.For("job-1", "spam-en", Load("spam"), final, PinAndOwner, Enforcements.Contains);

        labels.Should().ContainSingle().Which.Label.Enforcement.Should().Be("limit");
    }

    [Fact]
    public void A_queue_with_several_policies_needs_one_cited_to_write_labels()
    {
        var escalations = Load("escalations");
        var uncited = Decide("ann", ("item", "remove"));

        DecisionValidator.Validate(escalations, uncited, PinAndOwner, Enforcements.Contains).Should().ContainSingle().Which.Message.Should().Contain("cite the policy");
        DecisionValidator.Validate(escalations, Decide("ann", ("owner", "warn")), PinAndOwner, Enforcements.Contains).Should().BeEmpty("warn writes no label");
        HumanLabels.For("j", "escalations", escalations, uncited with { Policies = ["hate", "harassment"] }, PinAndOwner, Enforcements.Contains)
            .Should().ContainSingle().Which.Label.Policy.Should().Be("hate", "the first cited policy");
        ActionEnforcements.PolicyOf(escalations, uncited).Should().BeNull();
    }
}
