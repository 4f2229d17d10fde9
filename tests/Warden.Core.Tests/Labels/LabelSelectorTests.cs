using Warden.Abstractions.Labels;
using Warden.Abstractions.Policies;
using Warden.Core.Labels;
using static Warden.Core.Tests.Labels.Labels;

namespace Warden.Core.Tests.Labels;

public sealed class LabelSelectorTests
{
    public static TheoryData<string, LabelSelectorSettings, bool> Cases => new()
    {
        { "everything by default", new(), true },
        { "kind included", new() { IncludeKinds = [SourceKind.Automated] }, true },
        { "kind not included", new() { IncludeKinds = [SourceKind.Human] }, false },
        { "system included", new() { IncludeSystems = ["spam-model"] }, true },
        { "system not included", new() { IncludeSystems = ["other"] }, false },
        { "system excluded wins over included", new() { IncludeSystems = ["spam-model"], ExcludeSystems = ["spam-model"] }, false },
        { "name included", new() { IncludeNames = ["v7"] }, true },
        { "name excluded", new() { ExcludeNames = ["v7"] }, false },
        { "confidence at the minimum", new() { MinConfidence = 0.7 }, true },
        { "confidence below the minimum", new() { MinConfidence = 0.71 }, false },
        { "younger than the maximum age", new() { MaxAge = TimeSpan.FromHours(2) }, true },
        { "older than the maximum age", new() { MaxAge = TimeSpan.FromMinutes(59) }, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Selects_by_kind_system_name_confidence_and_age(string why, LabelSelectorSettings selector, bool selected)
    {
        var label = Automated(confidence: 0.7, age: TimeSpan.FromHours(1));

        LabelSelector.Selects(selector, label, Now).Should().Be(selected, why);
    }

    [Fact]
    public void A_label_without_confidence_passes_a_minimum()
    {
        LabelSelector.Selects(new() { MinConfidence = 0.9 }, Human(), Now).Should().BeTrue();
    }

    [Fact]
    public void An_expired_label_is_never_selected()
    {
        var label = Automated() with { CreatedAt = Now.AddHours(-2), ExpiresAt = Now };

        LabelSelector.Selects(new(), label, Now).Should().BeFalse();
        LabelSelector.Selects(new(), label, Now.AddTicks(-1)).Should().BeTrue();
    }
}
