using Warden.Abstractions.Queues;
using Warden.Core.Queues;

namespace Warden.Core.Tests.Queues;

public sealed class QueueConfigValidatorTests
{
    [Theory]
    [InlineData("spam")]
    [InlineData("adult-content")]
    [InlineData("escalations")]
    [InlineData("appeals")]
    public void The_sample_queues_are_valid(string name)
    {
        QueueConfigValidator.Validate(
                QueueSamples.Load(name),
                new HashSet<string> { "spam", "porn", "hate", "harassment", "violence", "self_harm", "misinformation" },
                new HashSet<string> { "allow", "hide_from_recommendations", "limit", "block" })
            .Should().BeEmpty();
    }

    [Fact]
    public void A_document_with_an_unknown_field_or_a_wrong_enum_is_refused_with_its_path()
    {
        QueueConfigJson.Parse("""{"id":"q","colour":"red"}""").Errors.Should().ContainSingle().Which.Message.Should().Contain("colour");
        QueueConfigJson.Parse("""{"id":"q","labelSelection":"several"}""").Errors.Should().ContainSingle().Which.Field.Should().Contain("labelSelection");
        QueueConfigJson.Parse("{not json").Errors.Should().ContainSingle();
    }

    [Fact]
    public void A_config_round_trips_through_json()
    {
        var config = QueueSamples.Load("adult-content");

        QueueConfigJson.Parse(QueueConfigJson.Write(config)).Config.Should().BeEquivalentTo(config);
    }

    [Fact]
    public void Every_broken_rule_is_listed_with_its_field()
    {
        var broken = QueueSamples.Load("spam") with
        {
            Id = "Spam Queue",
            ObjectTypes = [new("pin", []), new("pin", ["remove", "remove"])],
            Labels = [new("a", "1", Mandatory: true), new("b", "1", Mandatory: true), new("c", "ctrl+x")],
            LabelSelection = SelectionMode.Single,
            Policies = ["spam", "made_up"],
            Template = [new("hologram", "item"), new("image", "neighbour")],
            TargetHandlingTime = TimeSpan.Zero,
            MultiReview = new MultiReviewConfig { Reviewers = 3, Rule = ConsensusRule.KOfN, K = 4 },
            PassTo = ["spam-en"],
            ReportVisibility = "everything",
            ReviewerGroups = [],
        };

        var errors = QueueConfigValidator.Validate(broken, new HashSet<string> { "spam" });

        errors.Select(e => e.Field).Should().Contain([
            "Id", "ObjectTypes", "ObjectTypes[pin].Actions", "Hotkeys", "Labels[c].Hotkey", "Labels", "Policies", "Template",
            "TargetHandlingTime", "MultiReview.K", "MultiReview.DisagreementQueue", "ReportVisibility", "ReviewerGroups"]);
        errors.Should().Contain(e => e.Message.Contains("made_up"))
            .And.Contain(e => e.Message.Contains("hologram"))
            .And.Contain(e => e.Message.Contains("at most one label can be mandatory"));
    }

    [Fact]
    public void A_queue_cannot_pass_or_escalate_to_itself()
    {
        var config = QueueSamples.Load("spam") with { PassTo = ["spam-en"], EscalationQueue = "spam-en" };

        QueueConfigValidator.Validate(config).Select(e => e.Field).Should().BeEquivalentTo(["PassTo", "EscalationQueue"]);
    }

    [Fact]
    public void Adding_reviewers_on_disagreement_needs_room_to_add()
    {
        var config = QueueSamples.Load("escalations") with { MultiReview = new() { Reviewers = 2, OnDisagreement = DisagreementAction.AddReviewer, MaxReviewers = 2 } };

        QueueConfigValidator.Validate(config).Should().ContainSingle().Which.Field.Should().Be("MultiReview.MaxReviewers");
    }

    [Fact]
    public void Action_enforcements_must_name_an_action_of_the_type_and_a_known_enforcement()
    {
        var spam = QueueSamples.Load("spam");
        var config = spam with
        {
            ObjectTypes = [new ObjectTypeConfig("pin", ["remove"], new Dictionary<string, string> { ["remove"] = "obliterate", ["delete"] = "block" })],
            LeaseDuration = TimeSpan.FromSeconds(1),
            EscalateOnSlaBreach = true,
            EscalationQueue = null,
        };

        var errors = QueueConfigValidator.Validate(config, knownEnforcements: new HashSet<string> { "block" });

        errors.Select(e => e.Field).Should().BeEquivalentTo(["ObjectTypes[pin].Enforcements", "ObjectTypes[pin].Enforcements", "LeaseDuration", "EscalateOnSlaBreach"]);
        errors.Should().Contain(e => e.Message.Contains("'delete' is not one of this type's actions")).And.Contain(e => e.Message.Contains("unknown enforcement 'obliterate'"));
    }

    [Fact]
    public void Every_key_on_the_review_page_means_one_thing_and_names_what_it_picks()
    {
        var spam = QueueSamples.Load("spam");
        var config = spam with
        {
            ObjectTypes = [new ObjectTypeConfig("pin", ["remove", "approve"], Hotkeys: new Dictionary<string, string> { ["remove"] = "R", ["approve"] = "1", ["nuke"] = "n" })],
            PolicyHotkeys = new Dictionary<string, string> { ["spam"] = "r", ["hate"] = "h", },
        };

        var errors = QueueConfigValidator.Validate(config);

        errors.Select(e => e.Field).Should().BeEquivalentTo(["ObjectTypes[pin].Hotkeys", "PolicyHotkeys", "Hotkeys", "Hotkeys"]);
        errors.Should().Contain(e => e.Message.Contains("'nuke' is not one of this type's actions"))
            .And.Contain(e => e.Message.Contains("'hate' is not one of the queue's policies"))
            .And.Contain(e => e.Message == "'r' is the key of pin action 'remove' and policy 'spam'")
            .And.Contain(e => e.Message == "'1' is the key of label 'commercial spam' and pin action 'approve'");
        QueueConfigValidator.Validate(spam with
        {
            ObjectTypes = [new("pin", ["remove"], Hotkeys: new Dictionary<string, string> { ["remove"] = "r" }), new("user", ["remove"], Hotkeys: new Dictionary<string, string> { ["remove"] = "r" })],
        }).Should().BeEmpty("one action may share its key across object types");
    }
}
