using Warden.Abstractions.Reviews;

namespace Warden.Grains.Queues;

public sealed partial class QueueGrain
{
    public const string SlaReminder = "sla";

    /// <summary>How often lapsed leases are returned: the bound on how late past its deadline a job comes back.</summary>
    private static readonly TimeSpan LapseCheck = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan MetricsEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FinishRetryEvery = TimeSpan.FromSeconds(10);
    private readonly HashSet<string> _finishing = new(StringComparer.Ordinal);
    private DateTimeOffset _metricsPostedAt;
    private DateTimeOffset _finishRetriedAt;

    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (reminderName != SlaReminder || Config is not { } current)
        {
            return;
        }

        var breached = _book.FlagSlaBreaches(clock.GetUtcNow(), current.TargetHandlingTime);
        if (breached.Count == 0)
        {
            return;
        }

        breached.ToList().ForEach(_commit.Changed);
        config.State.SlaBreachesTotal += breached.Count;
        await Task.WhenAll(CommitAsync(), config.WriteStateAsync());
        meters.Breached(Id, breached.Count);
        LogSlaBreaches(Id, breached.Count);
        foreach (var job in breached)
        {
            var overdue = $"waited longer than the target handling time of {current.TargetHandlingTime}";
            await GrainFactory.GetGrain<IReviewJobGrain>(job.JobId).Note("sla-breach", "warden", overdue);
            if (current.EscalateOnSlaBreach && job.Lease is null && !job.Finalizing)
            {
                await MoveAsync(job.JobId, current.EscalationQueue!, job.Priority + EscalationBoost, "escalated", overdue);
            }
        }
    }

    private void StartTimers() =>
        this.RegisterGrainTimer(OnTickAsync, new GrainTimerCreationOptions(LapseCheck, LapseCheck) { Interleave = true });

    private async Task OnTickAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (ReturnLapsedLeases() > 0)
        {
            await CommitAsync();
        }

        if (now - _metricsPostedAt >= MetricsEvery)
        {
            _metricsPostedAt = now;
            meters.Post(Measure());
        }

        if (now - _finishRetriedAt >= FinishRetryEvery)
        {
            _finishRetriedAt = now;
            foreach (var job in _book.Finalizing.Where(j => !_finishing.Contains(j)).ToList())
            {
                _ = FinishAsync(job);
            }
        }
    }

    private int ReturnLapsedLeases()
    {
        var returned = _book.ReturnLapsed(clock.GetUtcNow());
        foreach (var job in returned)
        {
            _leasedAt.Remove(job.JobId);
            _commit.Changed(job);
        }

        return returned.Count;
    }

    /// <summary>The SLA check runs every target handling time / 10, within the reminder service's bounds.</summary>
    private async Task EnsureSlaReminderAsync()
    {
        var period = Config!.TargetHandlingTime / 10;
        var minimum = reminderOptions.Value.MinimumReminderPeriod;
        await this.RegisterOrUpdateReminder(SlaReminder, TimeSpan.FromSeconds(1), period < minimum ? minimum : period);
    }
}
