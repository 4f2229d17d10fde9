using Warden.Abstractions.Reviews;

namespace Warden.Grains.Reviews;

/// <summary>The decisions log. Appending a row that is already there is a no-op, so effects can be re-driven.</summary>
public interface IDecisionLog
{
    Task AppendAsync(IReadOnlyList<DecisionRecord> records);

    Task<IReadOnlyList<DecisionRecord>> ForJobAsync(string jobId);

    Task<IReadOnlyList<DecisionRecord>> ForEntityAsync(string entity, int limit);
}
