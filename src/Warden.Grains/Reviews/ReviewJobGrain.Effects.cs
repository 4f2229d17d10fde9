using Warden.Abstractions.Actions;
using Warden.Abstractions.Appeals;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Quality;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Abstractions.Strikes;
using Warden.Core.Appeals;
using Warden.Core.Quality;
using Warden.Core.Reviews;
using Warden.Grains.Actions;

namespace Warden.Grains.Reviews;

/// <summary>What follows a final decision: the decisions log, human labels, and actions delivered downstream.</summary>
public sealed partial class ReviewJobGrain
{
    public const string ActionsReminder = "actions";

    /// <summary>Delivery outcomes not yet stored: written when the job deactivates or next needs a write.</summary>
    private bool _unsaved;

    /// <summary>Whether an actions reminder may be registered: looking it up is a database read, kept off the common path.</summary>
    private bool _reminderMayExist;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_unsaved)
        {
            await SaveAsync();
        }
    }

    public async Task ApplyEffects()
    {
        if (State.Status != JobStatus.Decided)
        {
            return;
        }

        var final = State.Final!;
        if (State.GoldenExpected is { } expected)
        {
            if (!State.LabelsWritten)
            {
                await GrainFactory.GetGrain<IReviewerQualityGrain>(State.FinalQueue!).RecordGolden(Id, final.Reviewer, ReviewerAgreement.SameActions(final.Actions, expected));
                State.LabelsWritten = true;
                await SaveAsync();
            }

            return;
        }

        var config = _finalConfig ??= await GrainFactory.GetGrain<IQueueGrain>(State.FinalQueue!).GetConfigVersion(State.FinalConfigVersion)
            ?? throw new InvalidOperationException($"Queue {State.FinalQueue} has no config version {State.FinalConfigVersion}.");
        await decisionLog.AppendAsync([.. State.Decisions.Select(d => Row(d, DecisionRecord.ReviewKind)), FinalRow(final, config)]);
        if (!State.LabelsWritten)
        {
            await WriteLabelsAsync(final, config);
            State.LabelsWritten = true;
        }

        if (IsAppeal(State.Request!) && State.Request!.Objects.FirstOrDefault(o => o.Role == "item") is { } appealed)
        {
            await GrainFactory.GetGrain<IAppealsGrain>(appealed.Entity).Decided(Id, final);
        }

        if (State.Actions.Count == 0)
        {
            State.Actions = [.. final.Actions.Select(a => NewDelivery(final, config, a))];
        }

        await AttemptDueActionsAsync(force: true, store: false);
    }

    public async Task<bool> RetryAction(string idempotencyKey)
    {
        var index = State.Actions.FindIndex(a => a.IdempotencyKey == idempotencyKey && a.State == ActionDeliveryState.DeadLettered);
        if (index < 0)
        {
            return false;
        }

        State.Actions[index] = State.Actions[index] with { State = ActionDeliveryState.Pending, Attempts = 0, NextAttemptAt = null };
        Record("action-retry", "operator", idempotencyKey);
        await AttemptDueActionsAsync(force: false, store: true);
        return true;
    }

    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (reminderName == ActionsReminder)
        {
            await AttemptDueActionsAsync(force: false, store: true);
        }
    }

    /// <summary>Writes the decision's human labels; each negative one on an owned item gives the owner a strike (weighted by its policy).</summary>
    private async Task WriteLabelsAsync(ReviewDecision final, QueueConfig config)
    {
        var catalog = await catalogs.GetAsync();
        var labels = HumanLabels.For(Id, config.Id, config, final, State.Request!.Objects, name => catalog.TryGetSeverity(name, out _));
        var owner = State.Request.Objects.FirstOrDefault(o => o.Role == "owner")?.Entity;
        foreach (var entity in labels.GroupBy(l => l.Entity))
        {
            var results = await GrainFactory.GetGrain<IEntityGrain>(entity.Key).WriteLabels([.. entity.Select(l => l.Label)], final.Reviewer);
            foreach (var refused in results.Where(r => r.Outcome == LabelWriteOutcome.Rejected))
            {
                Record("label-refused", "warden", $"{entity.Key}: {string.Join("; ", refused.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
            }

            if (owner is not null && entity.Key != owner)
            {
                foreach (var (label, result) in entity.Select(l => l.Label).Zip(results).Where(p => p.Second.Outcome != LabelWriteOutcome.Rejected && p.First.Enforcement != catalog.Mildest))
                {
                    await GrainFactory.GetGrain<IStrikesGrain>(owner).Add(Id, entity.Key, label.Policy);
                }
            }
        }
    }

    /// <summary>
    /// Attempts the pending actions that are due (all of them when <paramref name="force"/>) and sets the
    /// reminder for the next attempt, or removes it when nothing is pending. The outcome is stored at once
    /// when a retry or a dead letter depends on it (or <paramref name="store"/> asks); otherwise when the
    /// job deactivates. A crash before then costs a duplicate delivery on re-drive, which the idempotency
    /// key absorbs: the decision itself was stored before any effect ran.
    /// </summary>
    private async Task AttemptDueActionsAsync(bool force, bool store)
    {
        var now = clock.GetUtcNow();
        foreach (var attempt in await deliveries.RunAsync(State.Actions, force))
        {
            var delivery = attempt.Delivery;
            Record($"action-{delivery.State.ToString().ToLowerInvariant()}", "warden",
                $"{delivery.Object.Entity} {delivery.Action} (attempt {delivery.Attempts}){(delivery.LastError is null ? "" : ": " + delivery.LastError)}");
        }

        var unsettled = State.Actions.Any(a => a.State is ActionDeliveryState.Pending or ActionDeliveryState.DeadLettered);
        if (store || unsettled)
        {
            await SaveAsync();
            _unsaved = false;
        }
        else
        {
            _unsaved = true;
        }

        if (store || unsettled || _reminderMayExist || State.Actions.Any(a => a.Attempts > 1))
        {
            await ScheduleNextAttemptAsync(now);
        }
    }

    private async Task ScheduleNextAttemptAsync(DateTimeOffset now)
    {
        if (ActionDeliveryRound.NextAttemptAt(State.Actions) is { } due)
        {
            var wait = due - now;
            var minimum = reminderOptions.Value.MinimumReminderPeriod;
            await this.RegisterOrUpdateReminder(ActionsReminder, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, wait < minimum ? minimum : wait);
            _reminderMayExist = true;
        }
        else
        {
            if (await this.GetReminder(ActionsReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _reminderMayExist = false;
        }
    }

    private ActionDelivery NewDelivery(ReviewDecision final, QueueConfig config, ObjectAction action) => new()
    {
        IdempotencyKey = $"{Id}/{action.Object}/{action.Action}",
        JobId = Id,
        Queue = config.Id,
        Object = State.Request!.Objects.First(o => o.Role == action.Object),
        Action = action.Action,
        Policies = final.Policies,
        DecidedBy = final.Reviewer,
        DecidedAt = final.DecidedAt,
    };

    private DecisionRecord Row(ReviewDecision decision, string kind) => new()
    {
        JobId = Id,
        Queue = decision.Queue ?? State.Queue ?? "",
        ConfigVersion = decision.ConfigVersion,
        Kind = kind,
        Reviewer = decision.Reviewer,
        DecidedAt = decision.DecidedAt,
        Objects = State.Request!.Objects,
        Actions = decision.Actions,
        Labels = decision.Labels,
        Policies = decision.Policies,
        Note = decision.Note,
    };

    private DecisionRecord FinalRow(ReviewDecision final, QueueConfig config) => Row(final, DecisionRecord.FinalKind) with
    {
        Queue = config.Id,
        Reviewers = [.. State.Decisions.Where(d => d.Queue == config.Id).Select(d => d.Reviewer)],
    };

    private Task LogDecisionAsync(ReviewDecision decision) => decisionLog.AppendAsync([Row(decision, DecisionRecord.ReviewKind)]);

    /// <summary>
    /// Appeals name their origin; a job stored before requests had one (origin External) is an appeal when
    /// its reason says so, as it was recognised then, so appeals in flight across the upgrade still resolve.
    /// </summary>
    private static bool IsAppeal(EnqueueRequest request) =>
        request.Origin == JobOrigin.Appeal
        || (request.Origin == JobOrigin.External && request.Reason.StartsWith(AppealRules.JobReason, StringComparison.Ordinal) && request.Key.StartsWith("appeal:", StringComparison.Ordinal));
}
