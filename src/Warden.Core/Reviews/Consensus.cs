using Warden.Abstractions.Queues;

namespace Warden.Core.Reviews;

/// <summary>
/// Multi-review: reviewers agree when they took the same actions on the same objects (labels and
/// policies may differ; each decision is kept). The rule is settled as early as the decisions allow.
/// </summary>
public static class Consensus
{
    public sealed record Result(ConsensusState State, ReviewDecision? Final);

    /// <param name="reviewersRequired">The config's reviewers, plus any the disagreement path added.</param>
    public static Result Evaluate(MultiReviewConfig config, IReadOnlyList<ReviewDecision> decisions, int reviewersRequired)
    {
        if (decisions.Select(d => d.Reviewer).Distinct(StringComparer.Ordinal).Count() != decisions.Count)
        {
            throw new ArgumentException("Each reviewer decides a job once.", nameof(decisions));
        }

        var groups = Ranked(decisions);
        if (groups.Count == 0)
        {
            return new Result(ConsensusState.Pending, null);
        }

        var leading = groups[0];
        var remaining = Math.Max(0, reviewersRequired - decisions.Count);
        var needed = config.Rule switch
        {
            ConsensusRule.Unanimous => reviewersRequired,
            ConsensusRule.Majority => reviewersRequired / 2 + 1,
            ConsensusRule.KOfN => config.K,
            _ => throw new ArgumentOutOfRangeException(nameof(config), config.Rule, "unknown consensus rule"),
        };

        if (leading.Count() >= needed && (config.Rule != ConsensusRule.Unanimous || groups.Count == 1))
        {
            return new Result(ConsensusState.Agreed, leading.MinBy(d => d.DecidedAt));
        }

        var stillPossible = config.Rule == ConsensusRule.Unanimous
            ? groups.Count == 1
            : groups.Any(g => g.Count() + remaining >= needed);
        return new Result(stillPossible ? ConsensusState.Pending : ConsensusState.Disagreed, null);
    }

    /// <summary>The most common decision (ties: the one reached first), at its earliest; the last tier's answer.</summary>
    public static ReviewDecision Plurality(IReadOnlyList<ReviewDecision> decisions) =>
        Ranked(decisions).First().MinBy(d => d.DecidedAt)!;

    /// <summary>Decisions grouped by their actions, the largest group first, ties by who decided first.</summary>
    private static List<IGrouping<string, ReviewDecision>> Ranked(IReadOnlyList<ReviewDecision> decisions) =>
        [.. decisions.GroupBy(ActionsKey).OrderByDescending(g => g.Count()).ThenBy(g => g.Min(d => d.DecidedAt))];

    /// <summary>Order-insensitive: item→remove + owner→warn equals owner→warn + item→remove.</summary>
    public static string ActionsKey(ReviewDecision decision) =>
        string.Join('|', decision.Actions.Select(a => $"{a.Object}:{a.Action}").Order(StringComparer.Ordinal));
}
