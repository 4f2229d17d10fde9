using Warden.Abstractions.Reviews;
using Warden.Core.Labels;
using Warden.Core.Reviews;

namespace Warden.Core.Tests.Reviews;

public sealed class EnqueueValidatorTests
{
    private static readonly CatalogView Catalog = new(DefaultPolicyCatalog.Create());

    private static EnqueueRequest Valid => new()
    {
        Key = "report:1",
        Objects = [new ReviewObject("item", "pin:1"), new ReviewObject("owner", "user:1")],
        Reports = [new JobReport("user:9", "spam", "<img src=x onerror=alert(1)>", DateTimeOffset.UnixEpoch)],
        Scores = [new JobScore("spam-model", 0.8)],
        Actor = "svc:reports",
    };

    [Fact]
    public void A_well_formed_request_passes_hostile_text_included() => EnqueueValidator.Validate(Valid, Catalog).Should().BeEmpty();

    [Fact]
    public void Every_problem_is_named()
    {
        var request = Valid with
        {
            Key = "",
            Reason = "User Report",
            Objects = [new ReviewObject("item", "pin:1"), new ReviewObject("item", "pin:2"), new ReviewObject("bystander", "user:1"), new ReviewObject("owner", "gadget:1")],
            Reports = [new JobReport("", "spam", "bad \0 byte", DateTimeOffset.UnixEpoch)],
            Scores = [new JobScore("model", double.NaN)],
        };

        EnqueueValidator.Validate(request, Catalog).Select(e => e.Field).Should().BeEquivalentTo(
            ["Key", "Reason", "Objects", "Objects.Role", "Objects[owner].Entity", "Reports.Reporter", "Reports.Text", "Scores.Value"]);
        EnqueueValidator.Validate(Valid with { Objects = [] }, Catalog).Should().ContainSingle().Which.Field.Should().Be("Objects");
    }

    [Fact]
    public void Job_ids_follow_from_keys() =>
        (JobIds.FromKey("report:1"), JobIds.FromKey("report:2")).Should().Match<(string A, string B)>(p => p.A != p.B && p.A == JobIds.FromKey("report:1") && p.A.Length == 28);
}
