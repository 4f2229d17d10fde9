using Microsoft.Extensions.Options;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Scoring;

namespace Warden.Grains.Scoring;

/// <summary>The reminder that makes "stored" mean "will be scored": pending submissions are re-driven through their entity.</summary>
public sealed partial class ScoringRecoveryGrain(IContentStore content, IOptions<ScoringOptions> options, TimeProvider clock, ILogger<ScoringRecoveryGrain> logger)
    : Grain, IScoringRecoveryGrain, IRemindable
{
    private const string ReminderName = "rescore-pending";
    private const int BatchSize = 1000;

    public async Task Start() => await this.RegisterOrUpdateReminder(ReminderName, options.Value.RecoveryPeriod, options.Value.RecoveryPeriod);

    public async Task ReceiveReminder(string reminderName, TickStatus status) => await RunOnce();

    public async Task<int> RunOnce()
    {
        var pending = await content.PendingAsync(clock.GetUtcNow() - options.Value.RecoverAfter, options.Value.RecoverAfter, BatchSize);
        foreach (var chunk in pending.Chunk(16))
        {
            await Task.WhenAll(chunk.Select(RescoreAsync));
        }

        if (pending.Count > 0)
        {
            LogRedriven(pending.Count);
        }

        return pending.Count;
    }

    private async Task RescoreAsync((string Entity, string IdempotencyKey) item)
    {
        try
        {
            await GrainFactory.Content(item.Entity, item.IdempotencyKey).Rescore();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogRescoreFailed(error, item.Entity, item.IdempotencyKey);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-drove {Count} submissions that had no verdict")]
    private partial void LogRedriven(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-scoring {Entity} submission {Key} failed; the next pass tries again")]
    private partial void LogRescoreFailed(Exception error, string entity, string key);
}
