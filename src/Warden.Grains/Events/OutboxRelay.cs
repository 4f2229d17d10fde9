using Orleans.Streams;
using Warden.Abstractions.Events;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Runtime;

namespace Warden.Grains.Events;

/// <summary>
/// Publishes outbox events to <c>warden.enforcement</c> from the moment the silo is active until it
/// stops: at once when a write nudges it, and every second regardless, which is how events stored by a
/// silo that died are published by the survivors.
/// </summary>
public sealed partial class OutboxRelay(IEventOutbox outbox, OutboxSignal signal, IClusterClient cluster, EventMeters meters, TimeProvider clock, ILogger<OutboxRelay> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private const int BatchSize = 500;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CountEvery = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(OutboxRelay), ServiceLifecycleStage.Active, Start, Stop);

    private Task Start(CancellationToken _)
    {
        _loop = Task.Run(() => RunAsync(_stopping.Token));
        return Task.CompletedTask;
    }

    private async Task Stop(CancellationToken _)
    {
        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var provider = cluster.GetStreamProvider(WardenProviders.Streams);
        var countedAt = DateTimeOffset.MinValue;
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var published = await outbox.RelayAsync(BatchSize, events => PublishAsync(provider, events), stopping);
                meters.Published(published);
                if (clock.GetUtcNow() - countedAt > CountEvery)
                {
                    countedAt = clock.GetUtcNow();
                    meters.Counted(
                        await outbox.PendingAsync(stopping),
                        await cluster.GetGrain<IStreamDeadLettersGrain>(IStreamDeadLettersGrain.DefaultKey).Count());
                }

                failures = 0;
                if (published < BatchSize)
                {
                    await signal.WaitAsync(Poll, stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // PostgreSQL or the stream is away: the events stay in the outbox until it is back. Logged at
                // the first failure and once a minute while it lasts, not every second.
                if (failures++ % 60 == 0)
                {
                    LogRelayFailed(e, failures);
                }

                await Task.Delay(RetryAfterFailure, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>One batch per partition, each in stored order.</summary>
    private static async Task PublishAsync(IStreamProvider provider, IReadOnlyList<EnforcementChanged> events)
    {
        foreach (var partition in events.GroupBy(e => WardenStreams.EnforcementPartition(e.Entity)))
        {
            await provider.GetStream<EnforcementChanged>(StreamId.Create(WardenStreams.Enforcement, partition.Key))
                .OnNextBatchAsync([.. partition]);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox events failed ({Failures} tries in a row); they stay stored and are retried every second")]
    private partial void LogRelayFailed(Exception exception, int failures);
}
