using Warden.Abstractions.Policies;
using Warden.Core.Labels;

namespace Warden.Core.Tests.Labels;

public sealed class CatalogValidatorTests
{
    [Fact]
    public void The_default_catalog_is_valid()
    {
        CatalogValidator.Validate(DefaultPolicyCatalog.Create()).Should().BeEmpty();
    }

    [Fact]
    public void Every_problem_is_listed_with_its_field()
    {
        var broken = DefaultPolicyCatalog.Create() with
        {
            EntityTypes = ["pin", "Pin Board", "pin"],
            Policies = [],
            Enforcements = [new("allow", 0), new("block", 0)],
            Sources = [new("", 2.0), new("model", double.NaN)],
            TrustedEntities = new TrustedEntityRule("ban"),
            Surfaces = [new SurfaceDefinition { Name = "feed", FreshnessHalfLife = TimeSpan.Zero, Selector = new() { MinConfidence = 1.5, MaxAge = TimeSpan.FromDays(-1) } }],
            MaxEvidenceLength = 0,
        };

        var fields = CatalogValidator.Validate(broken).Select(e => e.Field).ToList();

        fields.Should().Contain(["EntityTypes", "Policies", "Enforcements", "Sources[0].System", "Sources[0].Reputation", "Sources[1].Reputation",
            "TrustedEntities.HoldAtOrAbove", "Surfaces[feed].FreshnessHalfLife", "Surfaces[feed].Selector.MinConfidence", "Surfaces[feed].Selector.MaxAge", "MaxEvidenceLength"]);
        CatalogValidator.Validate(broken).Where(e => e.Field == "EntityTypes").Should().HaveCount(2, "a bad name and a duplicate");
    }

    [Fact]
    public void A_catalog_view_refuses_an_invalid_catalog()
    {
        var build = () => new CatalogView(DefaultPolicyCatalog.Create() with { Enforcements = [] });

        build.Should().Throw<ArgumentException>().WithMessage("*Enforcements*");
    }

    [Fact]
    public void The_most_specific_reputation_rule_applies()
    {
        var catalog = new CatalogView(DefaultPolicyCatalog.Create() with
        {
            Sources = [new("model", 0.3), new("model", 0.4, Abstractions.Labels.SourceKind.Automated), new("model", 0.9, Abstractions.Labels.SourceKind.Automated, "v7")],
            DefaultReputation = 0.1,
        });

        catalog.Reputation(Labels.Automated(system: "model", name: "v7").Source).Should().Be(0.9);
        catalog.Reputation(Labels.Automated(system: "model", name: "v6").Source).Should().Be(0.4);
        catalog.Reputation(new("model", Abstractions.Labels.SourceKind.Human, "x")).Should().Be(0.3);
        catalog.Reputation(Labels.Automated(system: "other").Source).Should().Be(0.1);
    }
}
