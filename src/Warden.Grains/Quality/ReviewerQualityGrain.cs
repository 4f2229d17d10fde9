using Warden.Abstractions.Quality;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Runtime;
using Warden.Core.Quality;
using Warden.Core.Queues;
using Warden.Core.Reviews;
using Warden.Grains.Policies;
using Warden.Grains.Reviews;
using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Grains.Quality;

/// <summary>A queue's golden jobs and the scores of their copies; agreement with consensus comes from the decisions log.</summary>
public sealed class ReviewerQualityGrain(
    [PersistentState("quality", WardenProviders.GrainStorage)] IPersistentState<ReviewerQualityState> state,
    IDecisionLog decisions,
    CatalogCache catalogs)
    : Grain, IReviewerQualityGrain
{
    public const int MaxGoldenJobs = 1000;

    public async Task<IReadOnlyList<FieldError>> AddGolden(GoldenJob golden, QueueConfig config)
    {
        var catalog = await catalogs.GetAsync();
        var errors = EnqueueValidator.Validate(golden.Request, catalog).ToList();
        if (errors.Count == 0)
        {
            var probe = new ReviewDecision { Reviewer = "golden", Actions = golden.Expected };
            errors.AddRange(DecisionValidator.Validate(config, probe, golden.Request.Objects).Where(e => e.Field == "Actions"));
        }

        if (!TextRules.IsName(golden.Id) || state.State.Golden.Any(g => g.Id == golden.Id))
        {
            errors.Add(new FieldError("Id", $"'{golden.Id}' must be a new name in this queue"));
        }

        if (state.State.Golden.Count >= MaxGoldenJobs)
        {
            errors.Add(new FieldError("Id", $"a queue holds at most {MaxGoldenJobs} golden jobs"));
        }

        if (errors.Count == 0)
        {
            state.State.Golden.Add(golden);
            await state.WriteStateAsync();
        }

        return errors;
    }

    public Task<IReadOnlyList<GoldenJob>> Golden() => Task.FromResult<IReadOnlyList<GoldenJob>>([.. state.State.Golden]);

    public Task<GoldenJob?> PickGolden() =>
        Task.FromResult(state.State.Golden.Count == 0 ? null : state.State.Golden[Random.Shared.Next(state.State.Golden.Count)]);

    public async Task RecordGolden(string jobId, string reviewer, bool correct)
    {
        if (state.State.Scored.TryAdd(jobId, (reviewer, correct)))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task<QualityReport> Report(DateTimeOffset since)
    {
        var queue = this.GetPrimaryKeyString();
        var agreement = ReviewerAgreement.Compute(queue, await decisions.ForQueueAsync(queue, since));
        var golden = state.State.Scored.Values.GroupBy(s => s.Reviewer).ToDictionary(g => g.Key, g => (Jobs: g.Count(), Correct: g.Count(s => s.Correct)));
        var reviewers = agreement.Keys.Union(golden.Keys).Order(StringComparer.Ordinal).Select(r =>
        {
            var (jobs, agreed) = agreement.GetValueOrDefault(r);
            var (goldenJobs, correct) = golden.GetValueOrDefault(r);
            return new ReviewerQuality(r, jobs, agreed, goldenJobs, correct);
        }).ToList();
        return new QualityReport(queue, reviewers, state.State.Scored.Count, state.State.Scored.Values.Count(s => s.Correct));
    }
}
