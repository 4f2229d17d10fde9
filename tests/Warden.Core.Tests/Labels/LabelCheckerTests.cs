using Warden.Abstractions.Labels;
using Warden.Core.Labels;
using static Warden.Core.Tests.Labels.Labels;

namespace Warden.Core.Tests.Labels;

public sealed class LabelCheckerTests
{
    [Fact]
    public void A_well_formed_label_passes()
    {
        LabelChecker.Check(Automated(confidence: 0.9) with { Evidence = "score 0.93", ExpiresAt = Now.AddDays(1) }, Catalog, Now).Should().BeEmpty();
    }

    [Fact]
    public void Every_bad_field_is_named_at_once()
    {
        var label = new Label
        {
            Source = new LabelSource("", (SourceKind)7, " "),
            Enforcement = "ban",
            Policy = "spma",
            CreatedAt = Now,
            ExpiresAt = Now.AddMinutes(-1),
            Confidence = 1.2,
            Evidence = new string('x', 3000),
        };

        var errors = LabelChecker.Check(label, Catalog, Now);

        errors.Select(e => e.Field).Should().BeEquivalentTo(["Source.System", "Source.Name", "Source.Kind", "Enforcement", "Policy", "ExpiresAt", "Confidence", "Evidence"]);
        errors.Should().Contain(e => e.Field == "Policy" && e.Message.Contains("spma"));
        errors.Should().Contain(e => e.Field == "ExpiresAt" && e.Message.Contains("past"));
    }

    [Fact]
    public void Text_postgresql_cannot_store_exactly_is_refused()
    {
        // Built here, not in [InlineData]: xunit's theory serialisation would replace a lone surrogate.
        var nul = LabelChecker.Check(Automated() with { Evidence = "evidence with \0 inside" }, Catalog, Now);
        var surrogate = LabelChecker.Check(Automated() with { Evidence = new string([(char)0xD800, ' ', 'x']) }, Catalog, Now);

        nul.Should().ContainSingle().Which.Message.Should().Contain("NUL");
        surrogate.Should().ContainSingle().Which.Message.Should().Contain("surrogate");
    }

    [Fact]
    public void Hostile_but_storable_text_is_accepted_as_it_is()
    {
        var evidence = "<script>alert(1)</script> 'OR 1=1;-- 👩‍👩‍👧 \u202Egnp.exe ﷽";

        LabelChecker.Check(Automated() with { Evidence = evidence }, Catalog, Now).Should().BeEmpty();
    }

    [Fact]
    public void A_creation_time_in_the_future_beyond_clock_skew_is_refused()
    {
        LabelChecker.Check(Automated() with { CreatedAt = Now.AddMinutes(4) }, Catalog, Now).Should().BeEmpty();
        LabelChecker.Check(Automated() with { CreatedAt = Now.AddMinutes(6) }, Catalog, Now).Should().ContainSingle().Which.Field.Should().Be("CreatedAt");
    }

    [Fact]
    public void An_expiry_before_creation_is_refused()
    {
        var label = Automated() with { CreatedAt = Now.AddMinutes(3), ExpiresAt = Now.AddMinutes(2) };

        LabelChecker.Check(label, Catalog, Now).Should().ContainSingle().Which.Field.Should().Be("ExpiresAt");
    }

    [Theory]
    [InlineData("pin:1233211212", true)]
    [InlineData("user:42", true)]
    [InlineData("widget:1", false)]
    [InlineData("pin:", false)]
    [InlineData(":1", false)]
    [InlineData("pin:1 2", false)]
    [InlineData("", false)]
    public void Entity_keys_use_a_catalog_type(string key, bool valid)
    {
        EntityKey.Validate(key, Catalog).Should().HaveCount(valid ? 0 : 1);
    }
}
