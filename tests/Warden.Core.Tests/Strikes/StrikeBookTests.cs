using Warden.Abstractions.Policies;
using Warden.Core.Labels;
using Warden.Core.Strikes;
using static Warden.Core.Tests.Labels.Labels;

namespace Warden.Core.Tests.Strikes;

public sealed class StrikeBookTests
{
    private static readonly StrikeThreshold[] Thresholds = [new(3, "limit"), new(5, "block")];
    private static readonly PolicyDefinition Spam = new("spam", StrikeWeight: 1, StrikeLifetime: TimeSpan.FromDays(30));
    private static readonly PolicyDefinition Hate = new("hate", StrikeWeight: 3);

    [Fact]
    public void Strikes_add_up_to_the_highest_threshold_reached_and_expire()
    {
        var strikes = new[]
        {
            StrikeBook.New("job-1", "pin:1", Spam, Now),
            StrikeBook.New("job-2", "pin:2", Spam, Now.AddDays(1)),
            StrikeBook.New("job-3", "pin:3", Hate, Now.AddDays(2)),
        };

        StrikeBook.ActiveTotal(strikes, Now.AddDays(2)).Should().Be(5);
        StrikeBook.Enforcement(5, Thresholds).Should().Be("block");
        StrikeBook.Enforcement(4, Thresholds).Should().Be("limit");
        StrikeBook.Enforcement(2, Thresholds).Should().BeNull();
        StrikeBook.NextExpiry(strikes, Now.AddDays(2)).Should().Be(Now.AddDays(30));

        var later = Now.AddDays(30.5);
        StrikeBook.ActiveTotal(strikes, later).Should().Be(4, "the first spam strike expired after 30 days");
        StrikeBook.NextExpiry(strikes, later).Should().Be(Now.AddDays(31));
        strikes[2].ExpiresAt.Should().Be(Now.AddDays(92), "a policy without a lifetime uses 90 days");
    }

    [Fact]
    public void A_removed_strike_no_longer_counts_and_the_account_label_names_what_earned_it()
    {
        var strikes = new[]
        {
            StrikeBook.New("job-1", "pin:1", Hate, Now),
            StrikeBook.New("job-2", "pin:2", Spam, Now) with { RemovedAt = Now, RemovedBecause = "overturned by appeal ap-1" },
        };

        StrikeBook.ActiveTotal(strikes, Now).Should().Be(3);
        var label = StrikeBook.AccountLabel("limit", strikes, Now);
        label.Source.Key.Should().Be("automated/warden-strikes/account");
        label.Policy.Should().Be("hate");
        label.Evidence.Should().StartWith("3 strikes: hate on pin:1 (job-1").And.NotContain("pin:2");
    }

    [Fact]
    public void The_catalog_refuses_unordered_thresholds_unknown_enforcements_and_bad_weights()
    {
        var catalog = DefaultPolicyCatalog.Create() with
        {
            Policies = [new("spam", StrikeWeight: -1), new("hate", StrikeLifetime: TimeSpan.Zero)],
            StrikeThresholds = [new(3, "limit"), new(3, "block"), new(7, "obliterate")],
        };

        CatalogValidator.Validate(catalog).Select(e => e.Field).Should().BeEquivalentTo(
            ["Policies[spam].StrikeWeight", "Policies[hate].StrikeLifetime", "StrikeThresholds", "StrikeThresholds"]);
    }
}
