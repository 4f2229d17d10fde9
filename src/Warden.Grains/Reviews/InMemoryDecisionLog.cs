using Warden.Abstractions.Reviews;

namespace Warden.Grains.Reviews;

/// <summary>Development mode's decisions log, in this process.</summary>
public sealed class InMemoryDecisionLog : IDecisionLog
{
    private readonly Lock _gate = new();
    private readonly List<DecisionRecord> _rows = [];
    private readonly HashSet<(string, string, string, string)> _keys = [];

    public Task AppendAsync(IReadOnlyList<DecisionRecord> records)
    {
        lock (_gate)
        {
            _rows.AddRange(records.Where(r => _keys.Add((r.JobId, r.Kind, r.Reviewer, r.Queue))));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DecisionRecord>> ForJobAsync(string jobId)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<DecisionRecord>>([.. _rows.Where(r => r.JobId == jobId)]);
        }
    }

    public Task<IReadOnlyList<DecisionRecord>> ForEntityAsync(string entity, int limit)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<DecisionRecord>>([.. _rows.Where(r => r.Objects.Any(o => o.Entity == entity)).Reverse().Take(limit)]);
        }
    }
}
