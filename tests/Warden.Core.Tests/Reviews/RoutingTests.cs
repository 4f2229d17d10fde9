using Warden.Abstractions.Reviews;
using Warden.Core.Reviews;

namespace Warden.Core.Tests.Reviews;

public sealed class RoutingTests
{
    private static readonly RoutingTable Table = new()
    {
        Rules =
        [
            new RoutingRule { Queue = "hate-de", Policy = "hate", Locale = "de" },
            new RoutingRule { Queue = "spam-urgent", Policy = "spam", MinScore = 0.9 },
            new RoutingRule { Queue = "spam-en", EntityType = "pin", Policy = "spam", MinScore = 0.5, MaxScore = 0.9 },
            new RoutingRule { Queue = "reports", ReportReason = "user-report" },
        ],
        DefaultQueue = "triage",
    };

    [Theory]
    [InlineData("pin", "spam", 0.95, null, null, "spam-urgent")]
    [InlineData("pin", "spam", 0.9, null, null, "spam-urgent")]
    [InlineData("pin", "spam", 0.7, null, null, "spam-en")]
    [InlineData("comment", "spam", 0.7, null, null, null)]
    [InlineData("pin", "hate", null, "de-AT", null, "hate-de")]
    [InlineData("pin", "hate", null, "den", null, null)]
    [InlineData("user", null, null, null, "user-report", "reports")]
    public void The_first_matching_rule_wins(string type, string? policy, double? score, string? locale, string? reason, string? expected)
    {
        var request = new RoutingRequest { EntityType = type, Policy = policy, Score = score, Locale = locale, ReportReason = reason };

        Routing.Match(Table, request)?.Queue.Should().Be(expected);
        if (expected is null)
        {
            Routing.Match(Table, request).Should().BeNull();
        }
    }

    [Fact]
    public void Bad_rules_are_refused_by_index_and_field()
    {
        var errors = Routing.Validate(new RoutingTable
        {
            Rules = [new RoutingRule { Queue = "Spam Queue" }, new RoutingRule { Queue = "ok", MinScore = 0.9, MaxScore = 0.1, Policy = "Not A Name" }],
            DefaultQueue = "",
        });

        errors.Select(e => e.Field).Should().BeEquivalentTo(["Rules[0].Queue", "Rules[1].Policy", "Rules[1].MinScore", "DefaultQueue"]);
        Routing.Validate(Table).Should().BeEmpty();
    }
}
