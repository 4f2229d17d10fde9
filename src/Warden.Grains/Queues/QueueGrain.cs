using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Abstractions.Runtime;
using Warden.Core.Queues;
using Warden.Core.Reviews;
using Warden.Grains.Policies;
using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Grains.Queues;

/// <summary>
/// A review queue. Reentrant: each step changes the in-memory <see cref="LeaseBook"/> within one turn
/// and then awaits the group commit that stores it, so many reviewers' steps share one database write.
/// A step that must see the job grain re-checks what it relies on after the call returns.
/// </summary>
[Reentrant]
public sealed partial class QueueGrain(
    [PersistentState("queue", WardenProviders.GrainStorage)] IPersistentState<QueueConfigState> config,
    IQueueJobStore jobStore,
    CatalogCache catalogs,
    QueueMeters meters,
    IOptions<ReminderOptions> reminderOptions,
    IOptions<QueueRuntimeOptions> runtimeOptions,
    TimeProvider clock,
    ILogger<QueueGrain> logger)
    : Grain, IQueueGrain, IRemindable
{
    private readonly Dictionary<string, DateTimeOffset> _leasedAt = new(StringComparer.Ordinal);
    private readonly HandleTimes _handleTimes = new();
    private LeaseBook _book = null!;
    private GroupCommit _commit = null!;

    private string Id => this.GetPrimaryKeyString();

    private QueueConfig? Config => config.State.Current;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _book = new LeaseBook(await jobStore.LoadAsync(Id));
        _commit = new GroupCommit(Id, jobStore);
        ReturnLapsedLeases();
        await CommitAsync();
        // The SLA reminder was registered when the config was saved and outlives activations; registering
        // it here would make every activation wait on the reminder table, also mid-failover.
        StartTimers();

        // Jobs decided for good before a crash still owe their labels and actions.
        foreach (var job in _book.Finalizing.ToList())
        {
            _ = FinishAsync(job);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        meters.Forget(Id);
        if (runtimeOptions.Value.Leases == LeaseDurability.WriteBehind && reason.ReasonCode != DeactivationReasonCode.ApplicationError)
        {
            // Write-behind leases nobody awaited are stored before the activation goes (a graceful end loses none).
            await _commit.CommitAsync();
        }
    }

    public Task<QueueConfig?> GetConfig() => Task.FromResult(Config);

    public Task<QueueConfig?> GetConfigVersion(int version) =>
        Task.FromResult(config.State.Versions.FirstOrDefault(v => v.Version == version));

    public Task<IReadOnlyList<ConfigVersionInfo>> GetConfigVersions() =>
        Task.FromResult<IReadOnlyList<ConfigVersionInfo>>([.. config.State.Saved]);

    public async Task<ConfigSaveResult> SaveConfig(QueueConfig candidate, int expectedVersion, string actor)
    {
        var catalog = (await catalogs.GetAsync()).Catalog;
        var errors = new List<FieldError>();
        if (candidate is null)
        {
            return new ConfigSaveResult(null, [new FieldError("Config", "is required")]);
        }

        errors.AddRange(QueueConfigValidator.Validate(
            candidate,
            catalog.Policies.Select(p => p.Name).ToHashSet(StringComparer.Ordinal),
            catalog.Enforcements.Select(e => e.Name).ToHashSet(StringComparer.Ordinal)));
        TextRules.RequireActor(errors, actor);
        if (candidate.Id != Id)
        {
            errors.Add(new FieldError("Id", $"this is queue '{Id}', not '{candidate.Id}'"));
        }

        var current = Config?.Version ?? 0;
        ExpectedVersion.Check(errors, "the config", current, expectedVersion);

        if (errors.Count > 0)
        {
            return new ConfigSaveResult(null, errors);
        }

        var saved = candidate with { Version = current + 1 };
        config.State.Versions.Add(saved);
        config.State.Saved.Add(new ConfigVersionInfo(saved.Version, clock.GetUtcNow(), actor));
        await config.WriteStateAsync();
        await GrainFactory.GetGrain<IQueueDirectoryGrain>(IQueueDirectoryGrain.DefaultKey).Register(
            new QueueSummary(Id, saved.Name ?? Id, saved.Version, saved.ReviewerGroups, saved.QueueGroups));
        await EnsureSlaReminderAsync();
        LogConfigSaved(Id, saved.Version, actor);
        return new ConfigSaveResult(saved.Version, []);
    }

    public async Task<EnqueueResult> Enqueue(EnqueueRequest request)
    {
        var errors = EnqueueValidator.Validate(request, await catalogs.GetAsync());
        if (Config is null)
        {
            errors = [.. errors, new FieldError("Queue", $"queue '{Id}' has no config yet")];
        }

        if (errors.Count > 0)
        {
            return EnqueueResult.Rejected(errors);
        }

        var jobId = JobIds.FromKey(request.Key);
        var opened = await GrainFactory.GetGrain<IReviewJobGrain>(jobId).Open(Id, request);

        // Also when the job existed and is still open here: a crash may have come between opening it and adding it.
        if (opened.Queue == Id && opened.Errors.Count == 0 && _book.Find(jobId) is null)
        {
            _commit.Changed(_book.Add(jobId, request.Priority, clock.GetUtcNow()));
            await CommitAsync();
        }

        if (opened.Created && Config!.GoldenRate > 0 && Random.Shared.NextDouble() < Config.GoldenRate)
        {
            await MixInGoldenAsync(request);
        }

        return opened;
    }

    /// <summary>
    /// Adds a copy of one of the queue's golden jobs beside a new job, at its priority and filed by the same
    /// actor under a key with nothing golden in it: reviewers cannot tell them apart.
    /// </summary>
    private async Task MixInGoldenAsync(EnqueueRequest beside)
    {
        var priority = beside.Priority;
        if (await GrainFactory.GetGrain<Abstractions.Quality.IReviewerQualityGrain>(Id).PickGolden() is not { } golden)
        {
            return;
        }

        var copy = golden.Request with { Key = Guid.NewGuid().ToString("N"), Actor = beside.Actor, Priority = priority };
        var jobId = JobIds.FromKey(copy.Key);
        var opened = await GrainFactory.GetGrain<IReviewJobGrain>(jobId).OpenGolden(Id, copy, golden.Expected);
        if (opened.Errors.Count == 0 && _book.Find(jobId) is null)
        {
            _commit.Changed(_book.Add(jobId, priority, clock.GetUtcNow()));
            await CommitAsync();
        }
    }

    public async Task<JobLease?> LeaseNext(Reviewer reviewer)
    {
        var config = RequireAccess(reviewer);
        var now = clock.GetUtcNow();
        var lease = _book.LeaseNext(reviewer.Id, now, config.LeaseDuration);
        if (lease is null)
        {
            return null;
        }

        _leasedAt[lease.JobId] = now;
        _commit.Changed(_book.Find(lease.JobId)!);
        meters.Leased(Id);
        if (runtimeOptions.Value.Leases == LeaseDurability.WriteBehind)
        {
            _ = CommitBehindAsync();
            return lease;
        }

        await CommitAsync();
        return lease;
    }

    public async Task<JobStepResult> Renew(string jobId, string token)
    {
        var (lease, error) = _book.Renew(jobId, token, clock.GetUtcNow(), Config?.LeaseDuration ?? TimeSpan.FromMinutes(10));
        if (lease is null)
        {
            return JobStepResult.Rejected("Token", error!);
        }

        _commit.Changed(_book.Find(jobId)!);
        await CommitAsync();
        return new JobStepResult(JobStepOutcome.Recorded, []);
    }

    public async Task<JobStepResult> Release(string jobId, string token)
    {
        var error = _book.Release(jobId, token, clock.GetUtcNow());
        if (error is not null)
        {
            return JobStepResult.Rejected("Token", error);
        }

        _leasedAt.Remove(jobId);
        _commit.Changed(_book.Find(jobId)!);
        await CommitAsync();
        return new JobStepResult(JobStepOutcome.Recorded, []);
    }

    public Task<QueueMetrics> GetMetrics() => Task.FromResult(Measure());

    /// <summary>How long a hold keeps the job leased while the reviewer waits for a lead.</summary>
    public static readonly TimeSpan HoldDuration = TimeSpan.FromHours(4);

    public async Task<JobStepResult> Hold(string jobId, string token, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            return JobStepResult.Rejected("Reason", "say in at most 500 characters what help you need");
        }

        var now = clock.GetUtcNow();
        var (lease, error) = _book.Hold(jobId, token, reason, now, now + HoldDuration);
        if (lease is null)
        {
            return JobStepResult.Rejected("Token", error!);
        }

        _commit.Changed(_book.Find(jobId)!);
        await CommitAsync();
        await GrainFactory.GetGrain<IReviewJobGrain>(jobId).Note("held", lease.Reviewer, reason);
        return new JobStepResult(JobStepOutcome.Recorded, []);
    }

    public async Task<JobLease?> TakeOver(string jobId, Reviewer lead)
    {
        var config = RequireAccess(lead);
        var holder = _book.Find(jobId)?.Lease?.Reviewer;
        var (lease, _) = _book.TakeOver(jobId, lead.Id, clock.GetUtcNow(), config.LeaseDuration);
        if (lease is null)
        {
            return null;
        }

        _leasedAt[jobId] = clock.GetUtcNow();
        _commit.Changed(_book.Find(jobId)!);
        await CommitAsync();
        await GrainFactory.GetGrain<IReviewJobGrain>(jobId).Note("taken-over", lead.Id, $"from {holder}");
        return lease;
    }

    public Task<IReadOnlyList<HeldJob>> GetHeld() =>
        Task.FromResult<IReadOnlyList<HeldJob>>([.. _book.Held.Select(j => new HeldJob(j.JobId, j.Lease!.Reviewer, j.HoldReason!, j.HeldAt!.Value))]);

    private QueueConfig RequireAccess(Reviewer reviewer)
    {
        var config = Config ?? throw new InvalidOperationException($"Queue '{Id}' has no config yet.");
        if (reviewer is null || string.IsNullOrWhiteSpace(reviewer.Id))
        {
            throw new ArgumentException("A reviewer id is required.", nameof(reviewer));
        }

        return QueueAccess.MayReview(config, reviewer.Groups ?? [])
            ? config
            : throw new UnauthorizedAccessException($"Reviewer '{reviewer.Id}' is in none of queue {Id}'s reviewer groups ({string.Join(", ", config.ReviewerGroups)}).");
    }

    /// <summary>
    /// Stores the changes made so far. If the write fails, memory is ahead of storage: the activation
    /// goes, and the next call reloads what was stored.
    /// </summary>
    private async Task CommitAsync()
    {
        try
        {
            await _commit.CommitAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>A commit nobody waits for (write-behind leases): a failure still sends the activation away.</summary>
    private async Task CommitBehindAsync()
    {
        try
        {
            await CommitAsync();
        }
        catch (Exception error)
        {
            LogWriteBehindFailed(error, Id);
        }
    }

    private QueueMetrics Measure()
    {
        var now = clock.GetUtcNow();
        var oldest = _book.OldestEnqueuedAt ?? now;
        return new QueueMetrics
        {
            Queue = Id,
            Depth = _book.Count,
            Leased = _book.LeasedCount,
            OldestAge = now - oldest,
            DecisionsLastHour = _handleTimes.InLastHour(now),
            AverageHandleTime = _handleTimes.Average,
            P90HandleTime = _handleTimes.P90,
            SlaBreached = _book.SlaBreachedCount,
            SlaBreachesTotal = config.State.SlaBreachesTotal,
            OnHold = _book.HeldCount,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue {Queue} config saved as version {Version} by {Actor}")]
    private partial void LogConfigSaved(string queue, int version, string actor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue} could not finish job {JobId}; it stays finalizing and is retried")]
    private partial void LogFinishFailed(Exception error, string queue, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue} could not store a write-behind lease; the activation reloads what was stored")]
    private partial void LogWriteBehindFailed(Exception error, string queue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue {Queue}: {Count} jobs breached the target handling time")]
    private partial void LogSlaBreaches(string queue, int count);
}
