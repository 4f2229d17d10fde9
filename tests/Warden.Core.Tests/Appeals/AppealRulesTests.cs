using Warden.Abstractions.Appeals;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Policies;
using Warden.Abstractions.Queues;
using Warden.Core.Appeals;
using Warden.Core.Labels;
using static Warden.Core.Tests.Labels.Labels;
using Warden.Abstractions.Validation;

namespace Warden.Core.Tests.Appeals;

public sealed class AppealRulesTests
{
    [Fact]
    public void The_contested_label_is_the_surface_winner_or_the_most_severe_winner_anywhere()
    {
        var block = Human("block", "spam");
        var limit = Automated("limit", "spam");
        EnforcementDecision[] decisions =
        [
            Decision("home_feed", "limit", limit),
            Decision("search", "block", block),
            Decision("profile", "allow", null),
        ];

        AppealRules.Contested("pin:1", decisions, null, Catalog).Contested.Should().Be(block);
        AppealRules.Contested("pin:1", decisions, "home_feed", Catalog).Contested.Should().Be(limit);
        AppealRules.Contested("pin:1", decisions, "profile", Catalog).Error!.Message.Should().Be("nothing to appeal: pin:1 is not enforced on profile");
    }

    [Fact]
    public void One_open_appeal_per_label_and_a_decided_one_is_final_unless_a_second_tier_is_allowed()
    {
        var label = Human("block", "spam");
        var open = Appeal(label, AppealStatus.Open, tier: 1);
        var upheld = Appeal(label, AppealStatus.Upheld, tier: 1);

        AppealRules.Tier([], label, allowSecondTier: false).Should().Be((1, (FieldError?)null));
        AppealRules.Tier([open], label, allowSecondTier: true).Error!.Message.Should().Be("appeal ap-1 of this enforcement is open already");
        AppealRules.Tier([upheld], label, allowSecondTier: false).Error!.Message.Should().Contain("it is final: this appeals queue has no second tier");
        AppealRules.Tier([upheld], label, allowSecondTier: true).Tier.Should().Be(2);
        AppealRules.Tier([upheld, Appeal(label, AppealStatus.Upheld, tier: 2)], label, allowSecondTier: true).Error!.Message.Should().Contain("after the second tier");
        AppealRules.Tier([upheld], Human("block", "spam", age: TimeSpan.FromHours(1)), allowSecondTier: false).Tier.Should().Be(1, "a newer label is a new enforcement");
    }

    [Fact]
    public void An_overturn_label_is_human_mildest_same_policy_and_every_surface_selects_it()
    {
        var appeal = Appeal(Human("block", "spam"), AppealStatus.Open, tier: 1);

        var label = AppealRules.OverturnLabel(appeal, "appeals", Catalog.Mildest, Now);

        label.Source.Should().Be(new LabelSource("appeals", SourceKind.Human, "appeals"));
        label.Enforcement.Should().Be("allow");
        label.Policy.Should().Be("spam");
        var surface = new LabelSelectorSettings { IncludeKinds = [SourceKind.Automated], ExcludeSystems = ["appeals"] };
        LabelSelector.Selects(surface, label, Now).Should().BeTrue("an overturn lifts the enforcement on every surface");
        LabelSelector.Selects(surface, label with { ExpiresAt = Now }, Now).Should().BeFalse();
    }

    [Fact]
    public void The_outcome_is_the_item_action_and_requests_are_checked()
    {
        AppealRules.Outcome(new ReviewDecision { Reviewer = "r", Actions = [new ObjectAction("item", "overturn")] }).Should().Be("overturn");
        AppealRules.Outcome(new ReviewDecision { Reviewer = "r", Actions = [new ObjectAction("owner", "overturn")] }).Should().BeNull();
        AppealRules.Validate(new AppealRequest { Statement = " ", Appellant = "user:1", Surface = "moon" }, Catalog)
            .Select(e => e.Field).Should().BeEquivalentTo(["Statement", "Surface"]);
    }

    private static EnforcementDecision Decision(string surface, string enforcement, Label? winner) =>
        new() { Entity = "pin:1", Surface = surface, Enforcement = enforcement, Winner = winner };

    private static AppealRecord Appeal(Label contested, AppealStatus status, int tier) => new()
    {
        Id = tier == 1 ? "ap-1" : "ap-2",
        Entity = "pin:1",
        Contested = contested,
        Statement = "not spam",
        Appellant = "user:1",
        FiledAt = Now,
        Status = status,
        Tier = tier,
        DecidedAt = status == AppealStatus.Open ? null : Now,
    };
}
