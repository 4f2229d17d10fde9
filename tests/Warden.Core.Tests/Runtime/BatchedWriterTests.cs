using System.Collections.Concurrent;
using Warden.Core.Runtime;

namespace Warden.Core.Tests.Runtime;

public sealed class BatchedWriterTests
{
    /// <summary>A write that waits until the test lets it finish, recording each batch and how many ran at once.</summary>
    private sealed class GatedStore
    {
        private int _running;

        public ConcurrentQueue<IReadOnlyList<int>> Batches { get; } = new();

        public ConcurrentQueue<TaskCompletionSource> Gates { get; } = new();

        public int MostAtOnce { get; private set; }

        public SemaphoreSlim Started { get; } = new(0);

        public async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<int> items)
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Gates.Enqueue(gate);
            Batches.Enqueue(items);
            MostAtOnce = Math.Max(MostAtOnce, Interlocked.Increment(ref _running));
            Started.Release();
            await gate.Task;
            Interlocked.Decrement(ref _running);
            if (items.Contains(-1))
            {
                throw new InvalidOperationException("bad batch");
            }

            return [.. items.Select(i => $"stored {i}")];
        }

        public void OpenAll()
        {
            while (Gates.TryDequeue(out var gate))
            {
                gate.SetResult();
            }
        }
    }

    [Fact]
    public async Task Items_submitted_while_a_write_is_out_go_together_in_the_next_one_and_get_their_own_results()
    {
        var store = new GatedStore();
        var writer = new BatchedWriter<int, string>(store.WriteAsync);

        var first = writer.SubmitAsync(1);
        await store.Started.WaitAsync(TimeSpan.FromSeconds(10));
        var waiting = new[] { writer.SubmitAsync(2), writer.SubmitAsync(3), writer.SubmitAsync(4) };
        store.OpenAll();
        (await first).Should().Be("stored 1");
        await store.Started.WaitAsync(TimeSpan.FromSeconds(10));
        store.OpenAll();

        (await Task.WhenAll(waiting)).Should().Equal("stored 2", "stored 3", "stored 4");
        store.Batches.Should().HaveCount(2);
        store.Batches.Last().Should().Equal(2, 3, 4);
        store.MostAtOnce.Should().Be(1);
    }

    [Fact]
    public async Task Two_writes_may_be_out_at_once_but_never_more_and_a_failed_batch_fails_only_its_items()
    {
        var store = new GatedStore();
        var writer = new BatchedWriter<int, string>(store.WriteAsync, maxInFlight: 2);

        var first = writer.SubmitAsync(-1);
        await store.Started.WaitAsync(TimeSpan.FromSeconds(10));
        var second = writer.SubmitAsync(2);
        await store.Started.WaitAsync(TimeSpan.FromSeconds(10));
        var queued = new[] { writer.SubmitAsync(3), writer.SubmitAsync(4) };
        store.Gates.Should().HaveCount(2, "a third write waits for one of the two");
        store.OpenAll();
        await store.Started.WaitAsync(TimeSpan.FromSeconds(10));
        store.OpenAll();

        await FluentActions.Awaiting(() => first).Should().ThrowAsync<InvalidOperationException>();
        (await second).Should().Be("stored 2");
        (await Task.WhenAll(queued)).Should().Equal("stored 3", "stored 4");
        store.MostAtOnce.Should().Be(2);
    }
}
