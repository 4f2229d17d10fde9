using Warden.Abstractions.Reviews;

namespace Warden.Grains.Reviews;

[StatelessWorker]
public sealed class DecisionHistoryGrain(IDecisionLog log) : Grain, IDecisionHistoryGrain
{
    private const int MaxLimit = 1000;

    public Task<IReadOnlyList<DecisionRecord>> ForJob(string jobId) =>
        string.IsNullOrWhiteSpace(jobId) ? throw new ArgumentException("A job id is required.", nameof(jobId)) : log.ForJobAsync(jobId);

    public Task<IReadOnlyList<DecisionRecord>> ForEntity(string entity, int limit) =>
        string.IsNullOrWhiteSpace(entity) || limit is < 1 or > MaxLimit
            ? throw new ArgumentException($"An entity and a limit between 1 and {MaxLimit} are required.")
            : log.ForEntityAsync(entity, limit);
}
