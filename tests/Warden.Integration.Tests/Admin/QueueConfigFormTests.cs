using Warden.Abstractions.Queues;
using Warden.Core.Queues;
using Warden.Silo.Pages.Admin;

namespace Warden.Integration.Tests.Admin;

public sealed class QueueConfigFormTests
{
    [Theory]
    [InlineData("spam")]
    [InlineData("adult-content")]
    [InlineData("escalations")]
    [InlineData("appeals")]
    public void Every_sample_queue_survives_the_form_unchanged(string name)
    {
        var config = Warden.Integration.Tests.Reviews.ReviewFixtures.Sample(name);

        var (read, errors) = QueueConfigForm.From(config).ToConfig();

        errors.Should().BeEmpty();
        read.Should().BeEquivalentTo(config);
    }

    [Fact]
    public void The_line_syntax_reads_keys_enforcements_mandatory_labels_and_areas()
    {
        var form = QueueConfigForm.From(Warden.Integration.Tests.Reviews.ReviewFixtures.Sample("spam")) with
        {
            ObjectTypes = "pin: remove(r)=block, limit, approve(a)=allow\nuser: warn(w)",
            Labels = "scam (2)\nexplicit (e) *",
            Policies = "spam (s), hate",
            Template = "image item\nfields owner side",
            TargetHandlingTime = "1.02:00:00",
        };

        var config = form.ToConfig().Config;

        config.ObjectTypes[0].Should().BeEquivalentTo(new ObjectTypeConfig("pin", ["remove", "limit", "approve"],
            new Dictionary<string, string> { ["remove"] = "block", ["approve"] = "allow" }, new Dictionary<string, string> { ["remove"] = "r", ["approve"] = "a" }));
        config.ObjectTypes[1].Hotkeys.Should().Equal(new Dictionary<string, string> { ["warn"] = "w" });
        config.Labels.Should().Equal(new QueueLabel("scam", "2"), new QueueLabel("explicit", "e", Mandatory: true));
        config.Policies.Should().Equal("spam", "hate");
        config.PolicyHotkeys.Should().Equal(new Dictionary<string, string> { ["spam"] = "s" });
        config.Template.Should().Equal(new TemplateWidget("image", "item"), new TemplateWidget("fields", "owner", "side"));
        config.TargetHandlingTime.Should().Be(TimeSpan.FromHours(26));
    }

    [Fact]
    public void Every_unreadable_line_and_field_is_named()
    {
        var form = QueueConfigForm.From(Warden.Integration.Tests.Reviews.ReviewFixtures.Sample("spam")) with
        {
            ObjectTypes = "pin remove\nuser: warn(w)(x)",
            Labels = "no key here",
            Template = "image",
            TargetHandlingTime = "four hours",
            Reviewers = "two",
            Consensus = "2",
            LabelSelection = "several",
        };

        var errors = form.ToConfig().Errors;

        errors.Select(e => e.Field).Should().BeEquivalentTo([
            "ObjectTypes", "ObjectTypes[user].Actions", "Labels[no key here].Hotkey", "Template", "TargetHandlingTime",
            "MultiReview.Reviewers", "MultiReview.Rule", "LabelSelection"]);
        errors.Should().Contain(e => e.Message == "'several' is not one of single, multiple");
    }
}
