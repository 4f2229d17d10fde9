using Warden.Abstractions.Reviews;
using Warden.Core.Runtime;

namespace Warden.Grains.Reviews;

/// <summary>The decisions log with group commit across all of a silo's job grains.</summary>
public sealed class BatchingDecisionLog(IDecisionLog inner) : IDecisionLog
{
    private readonly BatchedWriter<IReadOnlyList<DecisionRecord>, bool> _writer = new(async batches =>
    {
        await inner.AppendAsync([.. batches.SelectMany(b => b)]);
        return [.. batches.Select(_ => true)];
    });

    public Task AppendAsync(IReadOnlyList<DecisionRecord> records) => _writer.SubmitAsync(records);

    public Task<IReadOnlyList<DecisionRecord>> ForJobAsync(string jobId) => inner.ForJobAsync(jobId);

    public Task<IReadOnlyList<DecisionRecord>> ForEntityAsync(string entity, int limit) => inner.ForEntityAsync(entity, limit);

    public Task<IReadOnlyList<DecisionRecord>> ForQueueAsync(string queue, DateTimeOffset since) => inner.ForQueueAsync(queue, since);

    public Task<IReadOnlyList<DecisionRecord>> MarkOverturnedAsync(string entity, Abstractions.Labels.Label contested, string appealId, DateTimeOffset at) =>
        inner.MarkOverturnedAsync(entity, contested, appealId, at);
}
