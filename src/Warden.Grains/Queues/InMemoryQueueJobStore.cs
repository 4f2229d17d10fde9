using System.Collections.Concurrent;
using Warden.Abstractions.Queues;
using Warden.Grains.Runtime;

namespace Warden.Grains.Queues;

/// <summary>Development mode: jobs kept as JSON in this process, so a reactivated queue reloads exactly what was written.</summary>
public sealed class InMemoryQueueJobStore : IQueueJobStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> _queues = new();

    public Task<QueueJobsState> LoadAsync(string queue)
    {
        var state = new QueueJobsState();
        foreach (var json in _queues.GetOrAdd(queue, _ => new()).Values)
        {
            var job = StoredJson.Read<QueuedJob>(json);
            state.Jobs[job.JobId] = job;
        }

        return Task.FromResult(state);
    }

    public Task WriteAsync(string queue, IReadOnlyList<(string JobId, string? Json)> changes)
    {
        var jobs = _queues.GetOrAdd(queue, _ => new());
        foreach (var (jobId, json) in changes)
        {
            if (json is null)
            {
                jobs.TryRemove(jobId, out _);
            }
            else
            {
                jobs[jobId] = json;
            }
        }

        return Task.CompletedTask;
    }
}
