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

    public Task<IReadOnlyList<DecisionRecord>> MarkOverturnedAsync(string entity, Abstractions.Labels.Label contested, string appealId, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (Core.Appeals.OverturnedDecisions.ReviewQueueOf(contested) is not { } queue)
            {
                var row = Core.Appeals.OverturnedDecisions.LabelDecision(entity, contested, appealId, at);
                return Task.FromResult<IReadOnlyList<DecisionRecord>>(_keys.Add((row.JobId, row.Kind, row.Reviewer, row.Queue)) ? Add(row) : []);
            }

            var job = _rows.Where(r => r.Kind == DecisionRecord.FinalKind && r.Queue == queue && r.DecidedAt <= contested.CreatedAt && r.Objects.Any(o => o.Entity == entity))
                .MaxBy(r => r.DecidedAt)?.JobId;
            var marked = new List<DecisionRecord>();
            for (var i = 0; i < _rows.Count; i++)
            {
                if (_rows[i].JobId == job && _rows[i].OverturnedBy is null)
                {
                    _rows[i] = _rows[i] with { OverturnedBy = appealId, OverturnedAt = at };
                    marked.Add(_rows[i]);
                }
            }

            return Task.FromResult<IReadOnlyList<DecisionRecord>>(marked);
        }
    }

    private List<DecisionRecord> Add(DecisionRecord row)
    {
        _rows.Add(row);
        return [row];
    }

    public Task<IReadOnlyList<DecisionRecord>> ForQueueAsync(string queue, DateTimeOffset since)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<DecisionRecord>>([.. _rows.Where(r => r.Queue == queue && r.DecidedAt >= since)]);
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
