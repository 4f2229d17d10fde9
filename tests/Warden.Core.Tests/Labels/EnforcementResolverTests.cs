using Warden.Abstractions.Labels;
using Warden.Abstractions.Policies;
using Warden.Core.Labels;
using static Warden.Core.Tests.Labels.Labels;

namespace Warden.Core.Tests.Labels;

public sealed class EnforcementResolverTests
{
    private static readonly SurfaceDefinition Feed = new() { Name = "home_feed", FreshnessHalfLife = TimeSpan.FromDays(30) };

    [Fact]
    public void Freshness_halves_every_half_life()
    {
        EnforcementResolver.Freshness(TimeSpan.Zero, TimeSpan.FromDays(1)).Should().Be(1);
        EnforcementResolver.Freshness(TimeSpan.FromDays(1), TimeSpan.FromDays(1)).Should().BeApproximately(0.5, 1e-12);
        EnforcementResolver.Freshness(TimeSpan.FromDays(3), TimeSpan.FromDays(1)).Should().BeApproximately(0.125, 1e-12);
    }

    [Fact]
    public void With_no_labels_the_mildest_enforcement_applies_and_nothing_wins()
    {
        var decision = EnforcementResolver.Resolve("pin:1", Feed, [], Catalog, Now);

        decision.Enforcement.Should().Be("allow");
        decision.Winner.Should().BeNull();
        decision.Ranked.Should().BeEmpty();
    }

    [Fact]
    public void The_seed_example_differs_by_surface_and_explains_itself()
    {
        // Human porn -> block, three days old; automated spam -> limit, fresh.
        var labels = new[] { Human("block", "porn", age: TimeSpan.FromDays(3)), Automated("limit", "spam") };
        var search = new SurfaceDefinition { Name = "search", FreshnessHalfLife = TimeSpan.FromDays(1) };

        var feed = EnforcementResolver.Resolve("pin:1233211212", Feed, labels, Catalog, Now);
        var searched = EnforcementResolver.Resolve("pin:1233211212", search, labels, Catalog, Now);

        feed.Enforcement.Should().Be("block");
        feed.Winner!.Policy.Should().Be("porn");
        feed.Ranked.Select(r => r.Label.Policy).Should().Equal("porn", "spam");
        feed.Ranked[0].Score.Should().BeApproximately(1.0 * Math.Pow(0.5, 3.0 / 30), 1e-12);
        feed.Ranked[1].Score.Should().BeApproximately(0.6, 1e-12);

        searched.Enforcement.Should().Be("limit");
        searched.Winner!.Policy.Should().Be("spam");
        searched.Ranked[1].Should().Match<RankedLabel>(r => r.Reputation == 1.0 && Math.Abs(r.Freshness - 0.125) < 1e-12);
    }

    [Fact]
    public void Equal_scores_go_to_the_more_severe_enforcement()
    {
        var labels = new[] { Automated("limit", system: "a"), Automated("block", system: "b") };

        EnforcementResolver.Resolve("pin:1", Feed, labels, Catalog, Now).Enforcement.Should().Be("block");
    }

    [Fact]
    public void Equal_scores_and_severity_go_to_the_newer_label()
    {
        // Same score by construction: reputation 0.8 at two half-lives equals 0.2 fresh.
        var catalog = new CatalogView(DefaultPolicyCatalog.Create() with { Sources = [new("old", 0.8), new("new", 0.2)] });
        var labels = new[] { Automated("block", "spam", system: "old", age: TimeSpan.FromDays(60)), Automated("block", "porn", system: "new") };

        var decision = EnforcementResolver.Resolve("pin:1", Feed, labels, catalog, Now);

        decision.Ranked[0].Score.Should().BeApproximately(decision.Ranked[1].Score, 1e-12);
        decision.Winner!.Source.System.Should().Be("new");
    }

    [Fact]
    public void Only_selected_labels_are_ranked()
    {
        var humansOnly = Feed with { Selector = new LabelSelectorSettings { IncludeKinds = [SourceKind.Human] } };

        var decision = EnforcementResolver.Resolve("pin:1", humansOnly, [Automated("block"), Human("limit")], Catalog, Now);

        decision.Enforcement.Should().Be("limit");
        decision.Ranked.Should().ContainSingle();
    }
}
