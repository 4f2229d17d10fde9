namespace Warden.Grains.Scoring;

/// <summary>
/// How many pixels this silo decodes at once (<c>Warden:Scoring:DecodingMegapixels</c>): an image waits for
/// room before its pixels are allocated, first come first served, so concurrent large images cannot together
/// exhaust the silo's memory (4 bytes a pixel while decoding).
/// </summary>
public sealed class DecodeBudget
{
    private readonly Lock _gate = new();
    private readonly Queue<(long Pixels, TaskCompletionSource Ready)> _waiting = new();
    private readonly long _capacity;
    private long _available;

    public DecodeBudget(long capacityPixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityPixels, 1);
        _capacity = _available = capacityPixels;
    }

    /// <summary>Waits for room for <paramref name="pixels"/> (at most the whole budget); dispose the lease when the pixels are freed.</summary>
    public async Task<IDisposable> AcquireAsync(long pixels)
    {
        var need = Math.Clamp(pixels, 1, _capacity);
        TaskCompletionSource ready;
        lock (_gate)
        {
            if (_waiting.Count == 0 && _available >= need)
            {
                _available -= need;
                return new Lease(this, need);
            }

            ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue((need, ready));
        }

        await ready.Task;
        return new Lease(this, need);
    }

    private void Release(long pixels)
    {
        lock (_gate)
        {
            _available += pixels;
            while (_waiting.TryPeek(out var next) && _available >= next.Pixels)
            {
                _waiting.Dequeue();
                _available -= next.Pixels;
                next.Ready.TrySetResult();
            }
        }
    }

    private sealed class Lease(DecodeBudget budget, long pixels) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                budget.Release(pixels);
            }
        }
    }
}
