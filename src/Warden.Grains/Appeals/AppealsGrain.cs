using Microsoft.Extensions.Options;
using Warden.Abstractions.Appeals;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Abstractions.Runtime;
using Warden.Abstractions.Strikes;
using Warden.Core.Appeals;
using Warden.Grains.Policies;
using Warden.Grains.Reviews;
using Warden.Abstractions.Validation;

namespace Warden.Grains.Appeals;

/// <summary>
/// One entity's appeals. Filing finds the label behind the enforcement, checks that it may be appealed
/// (one open appeal per label, a decided one final unless the queue has a second tier), and opens a job in
/// the appeals queue with the appellant's statement. The job's final decision comes back here: an overturn
/// writes the appeals label, marks the overturned decision in the log and takes back its strikes.
/// </summary>
public sealed partial class AppealsGrain(
    [PersistentState("appeals", WardenProviders.GrainStorage)] IPersistentState<AppealsState> state,
    IOptions<AppealOptions> options,
    CatalogCache catalogs,
    IDecisionLog decisions,
    TimeProvider clock,
    ILogger<AppealsGrain> logger)
    : Grain, IAppealsGrain
{
    private string Entity => this.GetPrimaryKeyString();

    public async Task<AppealResult> File(AppealRequest request)
    {
        var catalog = await catalogs.GetAsync();
        var errors = Core.Labels.EntityKey.Validate(Entity, catalog).Concat(AppealRules.Validate(request, catalog)).ToList();
        if (errors.Count > 0)
        {
            return new AppealResult(null, errors);
        }

        var entity = GrainFactory.GetGrain<IEntityGrain>(Entity);
        var enforcements = await entity.GetEnforcements();
        var (contested, notEnforced) = AppealRules.Contested(Entity, enforcements, request.Surface, catalog);
        if (contested is null)
        {
            return new AppealResult(null, [notEnforced!]);
        }

        var queue = GrainFactory.GetGrain<IQueueGrain>(options.Value.Queue);
        var config = await queue.GetConfig();
        if (config is null)
        {
            return new AppealResult(null, [new FieldError("Queue", $"no appeals queue '{options.Value.Queue}' is configured: a lead must create it first")]);
        }

        var (tier, refused) = AppealRules.Tier(state.State.Appeals, contested, config.AllowSecondTier);
        if (refused is not null)
        {
            return new AppealResult(null, [refused]);
        }

        var now = clock.GetUtcNow();
        var appeal = new AppealRecord
        {
            Id = "ap-" + Guid.NewGuid().ToString("N")[..20],
            Entity = Entity,
            Contested = contested,
            Statement = request.Statement,
            Appellant = request.Appellant,
            FiledAt = now,
            Tier = tier,
            Queue = config.Id,
        };
        var opened = await GrainFactory.GetGrain<IQueueGrain>(appeal.Queue).Enqueue(new EnqueueRequest
        {
            Key = "appeal:" + appeal.Id,
            Objects = [new ReviewObject("item", Entity)],
            Reports = [new JobReport(request.Appellant, AppealRules.JobReason, request.Statement, now)],
            Scores = [],
            Priority = tier == 2 ? 10 : 0,
            Reason = tier == 2 ? AppealRules.JobReason + "-tier-2" : AppealRules.JobReason,
            Actor = request.Appellant,
            Origin = JobOrigin.Appeal,
        });
        if (opened.Errors.Count > 0)
        {
            return new AppealResult(null, opened.Errors);
        }

        appeal = appeal with { JobId = opened.JobId };
        state.State.Appeals.Add(appeal);
        await state.WriteStateAsync();
        return new AppealResult(appeal, []);
    }

    public Task<IReadOnlyList<AppealRecord>> List() => Task.FromResult<IReadOnlyList<AppealRecord>>([.. state.State.Appeals]);

    public async Task Decided(string jobId, ReviewDecision final)
    {
        var index = state.State.Appeals.FindIndex(a => a.JobId == jobId);
        if (index < 0 || state.State.Appeals[index].Status != AppealStatus.Open)
        {
            return;
        }

        var appeal = state.State.Appeals[index];
        var now = clock.GetUtcNow();
        var outcome = AppealRules.Outcome(final);
        if (outcome == AppealRules.Overturn)
        {
            var catalog = await catalogs.GetAsync();
            var written = await GrainFactory.GetGrain<IEntityGrain>(Entity).WriteLabel(AppealRules.OverturnLabel(appeal, appeal.Queue!, catalog.Mildest, now), final.Reviewer);
            if (written.Outcome == LabelWriteOutcome.Rejected)
            {
                LogOverturnRefused(appeal.Id, string.Join("; ", written.Errors.Select(e => e.Message)));
            }

            foreach (var overturned in (await decisions.MarkOverturnedAsync(Entity, appeal.Contested, appeal.Id, now)).Where(d => d.Kind == Abstractions.Reviews.DecisionRecord.FinalKind))
            {
                foreach (var owner in overturned.Objects.Where(o => o.Role == "owner"))
                {
                    await GrainFactory.GetGrain<IStrikesGrain>(owner.Entity).RemoveForJob(overturned.JobId, $"overturned by appeal {appeal.Id}");
                }
            }
        }

        state.State.Appeals[index] = appeal with
        {
            Status = outcome == AppealRules.Overturn ? AppealStatus.Overturned : AppealStatus.Upheld,
            DecidedBy = final.Reviewer,
            DecidedAt = now,
            Note = final.Note,
        };
        await state.WriteStateAsync();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Appeal {Appeal} was overturned but its label was refused: {Reason}")]
    private partial void LogOverturnRefused(string appeal, string reason);
}
