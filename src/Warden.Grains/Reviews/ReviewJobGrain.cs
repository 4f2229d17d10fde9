using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Core.Queues;
using Warden.Grains.Actions;
using Warden.Grains.Policies;
using Warden.Core.Reviews;

namespace Warden.Grains.Reviews;

/// <summary>
/// A review job: the source of truth for its decisions. A reviewer's decision is kept at most once, and
/// a decided or moved job refuses decisions from queues that still hold a stale copy, so however the
/// queues and silos fail, a job is decided once.
/// </summary>
public sealed partial class ReviewJobGrain(
    IReviewJobStore store,
    IDecisionLog decisionLog,
    ActionDeliveryRound deliveries,
    ObjectFetchers fetchers,
    CatalogCache catalogs,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider clock)
    : Grain, IReviewJobGrain, IRemindable
{
    private const int MaxHistory = 500;

    /// <summary>The final decision's config while this activation has it; fetched from the queue on a re-drive.</summary>
    private QueueConfig? _finalConfig;

    private string Id => this.GetPrimaryKeyString();

    private ReviewJobState State { get; set; } = new();

    private int _version;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => (State, _version) = await store.ReadAsync(Id);

    /// <summary>Stores the job. If that fails memory is ahead of storage: the activation goes and the next call reloads.</summary>
    private async Task SaveAsync()
    {
        try
        {
            _version = await store.WriteAsync(Id, State, _version);
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    public async Task<EnqueueResult> Open(string queue, EnqueueRequest request)
    {
        if (State.Status == JobStatus.None)
        {
            State.Status = JobStatus.Open;
            State.Queue = queue;
            State.Request = request;
            Record("opened", request.Actor, $"in {queue}: {request.Reason}");
            await SaveAsync();
            return new EnqueueResult(Id, true, queue, []);
        }

        return new EnqueueResult(Id, false, State.Status == JobStatus.Open ? State.Queue : null, []);
    }

    public async Task<EnqueueResult> OpenGolden(string queue, EnqueueRequest request, IReadOnlyList<ObjectAction> expected)
    {
        if (State.Status == JobStatus.None)
        {
            State.GoldenExpected = [.. expected];
        }

        return await Open(queue, request);
    }

    public async Task<JobStepResult> RecordDecision(ReviewDecision decision, QueueConfig config)
    {
        if (State.Status == JobStatus.None)
        {
            return JobStepResult.Rejected("Job", $"there is no job {Id}");
        }

        var mine = State.Decisions.FirstOrDefault(d => d.Reviewer == decision.Reviewer && d.Queue == config.Id);
        if (mine is not null)
        {
            // A retry of a decision already kept: the same answer, nothing kept twice.
            await LogDecisionAsync(mine);
            return State.Status == JobStatus.Decided ? new JobStepResult(JobStepOutcome.Final, [], State.Final) : new JobStepResult(JobStepOutcome.Recorded, []);
        }

        if (State.Status == JobStatus.Decided)
        {
            return JobStepResult.Rejected("Job", $"job {Id} was already decided");
        }

        if (State.Queue != config.Id)
        {
            return JobStepResult.Rejected("Job", $"job {Id} moved to {State.Queue}");
        }

        var catalog = await catalogs.GetAsync();
        var errors = DecisionValidator.Validate(config, decision, State.Request!.Objects, name => catalog.TryGetSeverity(name, out _));
        if (errors.Count > 0)
        {
            return JobStepResult.Rejected(errors);
        }

        State.Decisions.Add(decision);
        Record("decided", decision.Reviewer, string.Join(", ", decision.Actions.Select(a => $"{a.Object} → {a.Action}")));
        if (State.GoldenExpected is not null)
        {
            // A golden copy ends with its one decision, which is scored (in ApplyEffects), never acted on.
            State.Status = JobStatus.Decided;
            State.Final = decision;
            State.FinalQueue = config.Id;
            State.FinalConfigVersion = config.Version;
            await SaveAsync();
            return new JobStepResult(JobStepOutcome.Final, [], decision);
        }

        var result = Settle(config);
        await SaveAsync();
        if (result.Outcome != JobStepOutcome.Final)
        {
            // A final decision's rows are written with its effects, in one batch.
            await LogDecisionAsync(decision);
        }

        return result;
    }

    public async Task Moved(string queue, string kind, string actor, string reason)
    {
        State.Queue = queue;
        State.AddedReviewers = 0;
        Record(kind, actor, $"to {queue}: {reason}");
        await SaveAsync();
    }

    public async Task Note(string kind, string actor, string detail)
    {
        Record(kind, actor, detail);
        await SaveAsync();
    }

    public Task<ReviewJobDetails> GetDetails() => DetailsAsync(explain: false);

    public Task<ReviewJobDetails> GetExplainedDetails() => DetailsAsync(explain: true);

    private async Task<ReviewJobDetails> DetailsAsync(bool explain)
    {
        var objects = State.Request is { } request
            ? await Task.WhenAll(request.Objects.Select(o => fetchers.FetchAsync(o, explain, CancellationToken.None)))
            : [];
        return new ReviewJobDetails
        {
            JobId = Id,
            Status = State.Status,
            Queue = State.Queue,
            Request = State.Request,
            Objects = [.. objects],
            Decisions = [.. State.Decisions],
            Final = State.Final,
            AddedReviewers = State.AddedReviewers,
            History = [.. State.History],
            Actions = [.. State.Actions],
            FinalQueue = State.FinalQueue,
        };
    }

    /// <summary>Applies the queue's consensus rule to the decisions made in it, and its disagreement path.</summary>
    private JobStepResult Settle(QueueConfig config)
    {
        var required = config.MultiReview.Reviewers + State.AddedReviewers;
        var decisions = State.Decisions.Where(d => d.Queue == config.Id).ToList();
        var settlement = Settlement.Of(config.MultiReview, decisions, required, config.EscalationQueue);
        switch (settlement.Step)
        {
            case SettlementStep.Final:
                return Conclude(config, settlement.Final!, settlement.How!);
            case SettlementStep.AddReviewer:
                State.AddedReviewers++;
                Record("reviewer-added", "warden", $"reviewers disagreed: {required + 1} reviewers now required");
                return new JobStepResult(JobStepOutcome.Recorded, []);
            case SettlementStep.Move:
                Record("disagreed", "warden", $"reviewers disagreed; moving to {settlement.MoveTo}");
                return new JobStepResult(JobStepOutcome.Disagreed, [], MovedTo: settlement.MoveTo);
            default:
                return new JobStepResult(JobStepOutcome.Recorded, []);
        }
    }

    private JobStepResult Conclude(QueueConfig config, ReviewDecision final, string how)
    {
        State.Status = JobStatus.Decided;
        State.Final = final;
        State.FinalQueue = config.Id;
        State.FinalConfigVersion = config.Version;
        _finalConfig = config;
        Record("final", final.Reviewer, $"by {how} in {config.Id}");
        return new JobStepResult(JobStepOutcome.Final, [], final);
    }

    private void Record(string kind, string actor, string? detail)
    {
        State.History.Add(new JobEvent(clock.GetUtcNow(), kind, actor, detail));
        if (State.History.Count > MaxHistory)
        {
            State.History.RemoveAt(1);
        }
    }
}
