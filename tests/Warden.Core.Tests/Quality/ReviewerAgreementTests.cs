using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Core.Quality;

namespace Warden.Core.Tests.Quality;

public sealed class ReviewerAgreementTests
{
    [Fact]
    public void Each_reviewer_is_compared_with_the_final_decision_of_multi_review_jobs_only()
    {
        DecisionRecord[] rows =
        [
            Row("j1", "review", "ann", ("item", "remove"), ("owner", "warn")),
            Row("j1", "review", "bob", ("owner", "warn"), ("item", "remove")),
            Row("j1", "review", "cat", ("item", "approve")),
            Row("j1", "final", "ann", ("item", "remove"), ("owner", "warn")),
            Row("j2", "review", "cat", ("item", "approve")),
            Row("j2", "final", "cat", ("item", "approve")),
            Row("j3", "review", "ann", ("item", "limit")),
            Row("j3", "review", "bob", ("item", "remove")),
            Row("j3", "final", "bob", ("item", "remove")),
            Row("j4", "review", "ann", ("item", "remove")) with { Queue = "other" },
        ];

        var agreement = ReviewerAgreement.Compute("q", rows);

        agreement.Should().BeEquivalentTo(new Dictionary<string, (int, int)> { ["ann"] = (2, 1), ["bob"] = (2, 2), ["cat"] = (1, 0) },
            "j2 had one reviewer, j4 is another queue's, and action order does not matter");
    }

    private static DecisionRecord Row(string job, string kind, string reviewer, params (string Object, string Action)[] actions) => new()
    {
        JobId = job,
        Queue = "q",
        Kind = kind,
        Reviewer = reviewer,
        Actions = [.. actions.Select(a => new ObjectAction(a.Object, a.Action))],
    };
}
