namespace Warden.Abstractions.Reviews;

/// <summary>Reads the decisions log: the review-details history of a job or of any object.</summary>
[Alias("warden.reviews.decision-history")]
public interface IDecisionHistoryGrain : IGrainWithIntegerKey
{
    [Alias("for-job"), ReadOnly]
    Task<IReadOnlyList<DecisionRecord>> ForJob(string jobId);

    /// <summary>Decisions on jobs that held <paramref name="entity"/>, newest first.</summary>
    [Alias("for-entity"), ReadOnly]
    Task<IReadOnlyList<DecisionRecord>> ForEntity(string entity, int limit);
}
