namespace Warden.Core.Runtime;

/// <summary>
/// Group commit for a silo-wide store: items submitted while a write is in flight go out together in
/// the next one, so a busy silo pays one round trip and one commit (one WAL flush) per batch rather
/// than per item. <c>write</c> returns each item's result in order, or throws to fail the whole batch.
/// With <paramref name="maxInFlight"/> above one, a new batch may start while earlier ones wait for their
/// commit (their WAL flushes can then be shared by the database); batches may finish in any order, so
/// callers must not depend on the order of two items they submitted without awaiting the first.
/// </summary>
public sealed class BatchedWriter<TItem, TResult>(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> write, int maxBatch = 500, int maxInFlight = 1)
{
    private readonly Lock _gate = new();
    private readonly Queue<(TItem Item, TaskCompletionSource<TResult> Done)> _pending = new();
    private int _writers;

    public Task<TResult> SubmitAsync(TItem item)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _pending.Enqueue((item, done));
            if (_writers >= maxInFlight)
            {
                return done.Task;
            }

            _writers++;
        }

        _ = Task.Run(WriteAllAsync);
        return done.Task;
    }

    private async Task WriteAllAsync()
    {
        while (true)
        {
            List<(TItem Item, TaskCompletionSource<TResult> Done)> batch = [];
            lock (_gate)
            {
                while (batch.Count < maxBatch && _pending.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                if (batch.Count == 0)
                {
                    _writers--;
                    return;
                }
            }

            try
            {
                var results = await write([.. batch.Select(b => b.Item)]);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.SetResult(results[i]);
                }
            }
            catch (Exception error)
            {
                batch.ForEach(b => b.Done.SetException(error));
            }
        }
    }
}
