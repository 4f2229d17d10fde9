using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;

namespace Warden.Core.Quality;

/// <summary>
/// How often each reviewer's decision matched the final one on jobs that several reviewers decided
/// (the same action on every object), read from a queue's rows of the decisions log.
/// </summary>
public static class ReviewerAgreement
{
    public static bool SameActions(IReadOnlyCollection<ObjectAction> a, IReadOnlyCollection<ObjectAction> b) =>
        a.Count == b.Count && a.ToHashSet().SetEquals(b);

    /// <returns>Per reviewer: (jobs with a multi-review consensus they took part in, how many they agreed with).</returns>
    public static IReadOnlyDictionary<string, (int Jobs, int Agreed)> Compute(string queue, IEnumerable<DecisionRecord> rows)
    {
        var byJob = rows.Where(r => r.Queue == queue).GroupBy(r => r.JobId);
        var counts = new Dictionary<string, (int Jobs, int Agreed)>(StringComparer.Ordinal);
        foreach (var job in byJob)
        {
            var final = job.FirstOrDefault(r => r.Kind == DecisionRecord.FinalKind);
            var reviews = job.Where(r => r.Kind == DecisionRecord.ReviewKind).ToList();
            if (final is null || reviews.Count < 2)
            {
                continue;
            }

            foreach (var review in reviews)
            {
                var (jobs, agreed) = counts.GetValueOrDefault(review.Reviewer);
                counts[review.Reviewer] = (jobs + 1, agreed + (SameActions(review.Actions, final.Actions) ? 1 : 0));
            }
        }

        return counts;
    }
}
