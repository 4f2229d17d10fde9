using Warden.Abstractions.Reviews;

namespace Warden.Grains.Reviews;

/// <summary>The decisions log. Appending a row that is already there is a no-op, so effects can be re-driven.</summary>
public interface IDecisionLog
{
    Task AppendAsync(IReadOnlyList<DecisionRecord> records);

    Task<IReadOnlyList<DecisionRecord>> ForJobAsync(string jobId);

    Task<IReadOnlyList<DecisionRecord>> ForEntityAsync(string entity, int limit);

    /// <summary>A queue's review and final rows since <paramref name="since"/>, oldest first (reviewer agreement).</summary>
    Task<IReadOnlyList<DecisionRecord>> ForQueueAsync(string queue, DateTimeOffset since);

    /// <summary>
    /// Marks the decision that wrote <paramref name="contested"/> on <paramref name="entity"/> as overturned by
    /// <paramref name="appealId"/>: every row of the review job whose final decision wrote it, or a new
    /// <c>label</c> row for a decision made outside Warden's queues. Returns the rows marked.
    /// </summary>
    Task<IReadOnlyList<DecisionRecord>> MarkOverturnedAsync(string entity, Abstractions.Labels.Label contested, string appealId, DateTimeOffset at);
}
