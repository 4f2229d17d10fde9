using Microsoft.Extensions.Options;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Reviews;
using Warden.Abstractions.Scoring;
using Warden.Core.Scoring;
using Warden.Grains.Policies;
using Warden.Abstractions.Validation;

namespace Warden.Grains.Scoring;

/// <summary>
/// One submission's intake: validate, store, score, then write automated labels through the entity's grain
/// and, when humans should look, route a review job. The store comes first, so an accepted submission
/// survives a crash at any later step: the recovery pass finds it still without a verdict and calls
/// <see cref="Rescore"/>. The entity's grain is only called to read trust and write labels, so reads of
/// its enforcement never wait behind a model.
/// </summary>
public sealed partial class ContentGrain(
    IContentStore content,
    CatalogCache catalogs,
    IOptions<ScoringOptions> scoring,
    ScoringMeters scoringMeters,
    TimeProvider clock,
    ILogger<ContentGrain> logger)
    : Grain, IContentGrain
{
    public const string ScoringSystem = Warden.Core.Labels.ReservedSources.ScoringSystem;
    private const int MaxEvidence = 500;

    private string _entity = string.Empty;
    private string _idempotencyKey = string.Empty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_entity, _idempotencyKey) = ContentKey.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<SubmitResult> Submit(ContentSubmission submission)
    {
        if (submission is null || (submission.IdempotencyKey ?? string.Empty) != _idempotencyKey)
        {
            return SubmitResult.Rejected([new FieldError("IdempotencyKey", "must be the key the content was addressed by")]);
        }

        var catalog = await catalogs.GetAsync();
        var errors = SubmissionValidator.Validate(submission, _entity, catalog, scoring.Value.Limits);
        if (errors.Count == 0)
        {
            errors = ImagePixelCheck.Validate(submission.Images ?? [], scoring.Value.Limits);
        }

        if (errors.Count > 0)
        {
            DeactivateOnIdle();
            return SubmitResult.Rejected(errors);
        }

        var record = new ContentRecord { Entity = _entity, Submission = submission, Status = ContentStatus.Received, ReceivedAt = clock.GetUtcNow() };
        if (!await scoringMeters.TimedAsync("insert", () => content.InsertAsync(record)))
        {
            return new SubmitResult(true, [], await content.GetAsync(_entity, _idempotencyKey), Duplicate: true);
        }

        var imagesAfterText = scoring.Value.ImagesAfterText && submission.Images is { Count: > 0 };
        return new SubmitResult(true, [], await ScoreAndApplyAsync(record, textOnly: imagesAfterText));
    }

    public async Task CompleteImages()
    {
        var record = await content.GetAsync(_entity, _idempotencyKey);
        if (record is { Status: ContentStatus.ScoringImages })
        {
            await ScoreAndApplyAsync(record);
        }
    }

    public Task<ContentRecord?> Get() => content.GetAsync(_entity, _idempotencyKey);

    public async Task<ContentRecord?> Rescore()
    {
        var record = await content.GetAsync(_entity, _idempotencyKey);
        return record is { Status: ContentStatus.Received or ContentStatus.ScoringImages } ? await ScoreAndApplyAsync(record) : record;
    }

    public async Task<ContentRecord?> Redrive()
    {
        var record = await content.GetAsync(_entity, _idempotencyKey);
        return record is { Status: ContentStatus.Failed }
            ? await ScoreAndApplyAsync(record with { Status = ContentStatus.Received, Attempts = 0, FailureReason = null })
            : record;
    }

    /// <param name="textOnly">The first of two passes: the text now, the images after (<see cref="ScoringOptions.ImagesAfterText"/>).</param>
    private async Task<ContentRecord> ScoreAndApplyAsync(ContentRecord record, bool textOnly = false)
    {
        var submission = record.Submission;
        ContentVerdict verdict;
        try
        {
            var trust = await scoringMeters.TimedAsync("trust", () => AuthorTrustAsync(submission.Author));
            verdict = await scoringMeters.TimedAsync("score", () => GrainFactory.GetGrain<IScoringWorkerGrain>(0).Score(new ScoringRequest(_entity, submission.Text, textOnly ? [] : submission.Images, trust)));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Stays "received" and the recovery pass tries again later (each wait twice the last), until the
            // attempts run out: then "failed", with the reason, for an operator to look at and re-drive.
            var attempts = record.Attempts + 1;
            var givenUp = attempts >= scoring.Value.MaxScoringAttempts;
            var why = $"{error.GetType().Name}: {error.Message}";
            var failed = record with
            {
                Attempts = attempts,
                Status = givenUp ? ContentStatus.Failed : record.Status,
                FailureReason = why.Length <= MaxEvidence ? why : why[..MaxEvidence],
            };
            if (attempts == 1)
            {
                LogScoringFailed(error, _entity, submission.IdempotencyKey);
            }

            if (givenUp)
            {
                LogScoringGaveUp(_entity, submission.IdempotencyKey, attempts, failed.FailureReason);
                scoringMeters.Failed();
            }

            await content.UpdateAsync(failed);
            return failed;
        }

        await scoringMeters.TimedAsync("labels", () => ApplyLabelsAsync(verdict, submission.Actor, record.ReceivedAt));
        if (textOnly)
        {
            return await HoldForImagesAsync(record, verdict);
        }

        if (record.Status == ContentStatus.ScoringImages)
        {
            await ReleaseHoldAsync(submission.Actor);
        }

        var (reason, category) = ReviewReason(verdict);
        RouteResult? routed = null;
        if (reason is not null)
        {
            routed = await scoringMeters.TimedAsync("route", () => RouteForReviewAsync(record, verdict, reason, category!));
        }

        var done = record with
        {
            Status = routed?.Job?.JobId is null ? ContentStatus.Labelled : ContentStatus.Queued,
            Verdict = verdict,
            ReviewQueue = routed?.Queue,
            ReviewJobId = routed?.Job?.JobId,
            ReviewReason = routed?.Job?.JobId is null ? null : reason,
            Attempts = record.Attempts + 1,
        };
        await scoringMeters.TimedAsync("update", () => content.UpdateAsync(done));
        DeactivateOnIdle(); // a scored submission is rarely asked about again: free the activation
        return done;
    }

    private async Task<double> AuthorTrustAsync(string? author) =>
        author is null ? AuthorTrust.Unknown
        : AuthorTrust.From(await GrainFactory.GetGrain<IEntityGrain>(author).GetLabels());

}
