using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Grains.Queues;

public sealed partial class QueueGrain
{
    /// <summary>How much escalation raises a job's priority.</summary>
    public const int EscalationBoost = 100;

    public async Task<JobStepResult> Decide(string jobId, string token, ReviewDecision decision)
    {
        var now = clock.GetUtcNow();
        var (lease, error) = _book.Check(jobId, token, now);
        if (lease is null)
        {
            return JobStepResult.Rejected("Token", error!);
        }

        if (decision is null || decision.Reviewer != lease.Reviewer)
        {
            return JobStepResult.Rejected("Reviewer", $"the lease on job {jobId} belongs to {lease.Reviewer}");
        }

        var config = Config!;
        var stamped = decision with { DecidedAt = now, ConfigVersion = config.Version, Queue = Id };
        var result = await GrainFactory.GetGrain<IReviewJobGrain>(jobId).RecordDecision(stamped, config);
        if (result.Outcome == JobStepOutcome.Rejected)
        {
            // The job was decided or moved by a path this queue did not hear of (a crash between the two).
            if (result.Errors.Any(e => e.Field == "Job") && _book.Find(jobId) is not null)
            {
                _book.MarkFinalizing(jobId);
                _commit.Changed(_book.Find(jobId)!);
                await CommitAsync();
                await FinishAsync(jobId);
            }

            return result;
        }

        meters.Decided(Id, result.Outcome);
        if (_leasedAt.Remove(jobId, out var leasedAt))
        {
            _handleTimes.Record(now, now - leasedAt);
        }

        var final = result.Outcome is JobStepOutcome.Final || result.MovedTo is not null;
        if (_book.Find(jobId) is null)
        {
            return result;
        }

        _book.Decided(jobId, lease.Reviewer, final);
        _commit.Changed(_book.Find(jobId)!);
        if (!final)
        {
            await CommitAsync();
        }

        // A final decision's job leaves with the next write, once its effects are applied; the job grain
        // holds the decision, so a crash before then only means the effects are re-driven.
        if (result.MovedTo is { } target)
        {
            await MoveAsync(jobId, target, _book.Find(jobId)!.Priority + EscalationBoost, "disagreement", "reviewers disagreed");
        }
        else if (result.Outcome == JobStepOutcome.Final)
        {
            await FinishAsync(jobId);
        }

        return result;
    }

    public async Task<JobStepResult> Pass(string jobId, string token, string targetQueue, string reason)
    {
        var config = Config;
        if (config is null || !config.PassTo.Contains(targetQueue))
        {
            return JobStepResult.Rejected("Queue", $"queue {Id} may pass jobs to {(config?.PassTo.Count > 0 ? string.Join(", ", config.PassTo) : "no queue")}, not '{targetQueue}'");
        }

        return await MoveLeasedAsync(jobId, token, targetQueue, null, reason, "passed");
    }

    public async Task<JobStepResult> Escalate(string jobId, string token, string reason) =>
        Config?.EscalationQueue is { } target
            ? await MoveLeasedAsync(jobId, token, target, EscalationBoost, reason, "escalated")
            : JobStepResult.Rejected("Queue", $"queue {Id} has no escalation queue");

    public async Task<JobStepResult> Accept(string jobId, int priority, string reason, string actor)
    {
        if (Config is null)
        {
            return JobStepResult.Rejected("Queue", $"queue '{Id}' has no config yet");
        }

        _commit.Changed(_book.Add(jobId, priority, clock.GetUtcNow()));
        await CommitAsync();
        return new JobStepResult(JobStepOutcome.Recorded, []);
    }

    private async Task<JobStepResult> MoveLeasedAsync(string jobId, string token, string target, int? boost, string reason, string kind)
    {
        var errors = new List<Abstractions.Validation.FieldError>();
        TextRules.RequireText(errors, "Reason", reason, 1000);
        var (lease, error) = _book.Check(jobId, token, clock.GetUtcNow());
        if (lease is null)
        {
            errors.Add(new("Token", error!));
        }

        if (errors.Count > 0)
        {
            return JobStepResult.Rejected(errors);
        }

        var priority = _book.Find(jobId)!.Priority + (boost ?? 0);
        var moved = await MoveAsync(jobId, target, priority, kind, reason, lease!.Reviewer);
        return moved ?? new JobStepResult(JobStepOutcome.Recorded, [], MovedTo: target);
    }

    /// <summary>
    /// Hands the job to <paramref name="target"/>: the target holds it before the job is told and before it
    /// leaves here, so a crash in between leaves it in two queues (the job grain refuses the stale one), never in none.
    /// </summary>
    private async Task<JobStepResult?> MoveAsync(string jobId, string target, int priority, string kind, string reason, string actor = "warden")
    {
        var accepted = await GrainFactory.GetGrain<IQueueGrain>(target).Accept(jobId, priority, reason, actor);
        if (accepted.Outcome == JobStepOutcome.Rejected)
        {
            return accepted;
        }

        await GrainFactory.GetGrain<IReviewJobGrain>(jobId).Moved(target, kind, actor, reason);
        _book.Remove(jobId);
        _leasedAt.Remove(jobId);
        _commit.Removed(jobId);
        await CommitAsync();
        return null;
    }

    /// <summary>Applies a final decision's labels and actions, then lets the job go. Re-driven on activation until done.</summary>
    private async Task FinishAsync(string jobId)
    {
        if (!_finishing.Add(jobId))
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IReviewJobGrain>(jobId).ApplyEffects();
            _book.Remove(jobId);
            _commit.Removed(jobId);
            await CommitAsync();
        }
        catch (Exception error)
        {
            LogFinishFailed(error, Id, jobId);
        }
        finally
        {
            _finishing.Remove(jobId);
        }
    }
}
