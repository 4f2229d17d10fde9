using Warden.Abstractions.Queues;
using Warden.Grains.Runtime;

namespace Warden.Grains.Queues;

/// <summary>
/// Write-behind with group commit for one queue's jobs: changes made while a write is in flight are
/// gathered and written together by the next one, and each caller awaits the write that holds its
/// change. Used from the queue grain's turns only, so it needs no locks.
/// </summary>
public sealed class GroupCommit(string queue, IQueueJobStore store)
{
    private Dictionary<string, QueuedJob?> _dirty = new(StringComparer.Ordinal);
    private TaskCompletionSource? _next;
    private bool _writing;

    public void Changed(QueuedJob job) => _dirty[job.JobId] = job;

    public void Removed(string jobId) => _dirty[jobId] = null;

    /// <summary>Completes when every change marked so far is stored.</summary>
    public Task CommitAsync()
    {
        if (_dirty.Count == 0 && _next is null)
        {
            return Task.CompletedTask;
        }

        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mine = _next.Task;
        if (!_writing)
        {
            _ = WriteNextAsync();
        }

        return mine;
    }

    private async Task WriteNextAsync()
    {
        _writing = true;
        while (_next is { } done)
        {
            _next = null;

            // Serialized now, in the grain's turn: the jobs are mutable and change while the write is out.
            var batch = _dirty.Select(d => (d.Key, d.Value is null ? null : StoredJson.Write(d.Value))).ToList();
            _dirty = new Dictionary<string, QueuedJob?>(StringComparer.Ordinal);
            try
            {
                await store.WriteAsync(queue, batch);
                done.SetResult();
            }
            catch (Exception error)
            {
                done.SetException(error);
            }
        }

        _writing = false;
    }
}
