using Warden.Abstractions.Labels;
using Warden.Abstractions.Reviews;
using Warden.Abstractions.Scoring;
using Warden.Core.Scoring;

namespace Warden.Grains.Labels;

/// <summary>
/// Content intake: store, score, then label and (when uncertain) queue for review. The store comes
/// first, so a submission that was accepted survives a crash at any later step: the recovery reminder
/// finds it still without a verdict and calls <see cref="Rescore"/>.
/// </summary>
public sealed partial class EntityGrain
{
    public const string ScoringSystem = Warden.Core.Labels.ReservedSources.ScoringSystem;
    private const int MaxEvidence = 500;

    public async Task<SubmitResult> Submit(ContentSubmission submission)
    {
        var catalog = await catalogs.GetAsync();
        var errors = SubmissionValidator.Validate(submission, Key, catalog, scoring.Value.Limits);
        if (errors.Count == 0)
        {
            errors = Scoring.ImagePixelCheck.Validate(submission.Images ?? [], scoring.Value.Limits);
        }

        if (errors.Count > 0)
        {
            return SubmitResult.Rejected(errors);
        }

        var record = new ContentRecord { Entity = Key, Submission = submission, Status = ContentStatus.Received, ReceivedAt = clock.GetUtcNow() };
        if (!await content.InsertAsync(record))
        {
            return new SubmitResult(true, [], await content.GetAsync(Key, submission.IdempotencyKey), Duplicate: true);
        }

        return new SubmitResult(true, [], await ScoreAndApplyAsync(record));
    }

    public Task<ContentRecord?> GetContent(string idempotencyKey) => content.GetAsync(Key, idempotencyKey);

    public async Task<ContentRecord?> Rescore(string idempotencyKey)
    {
        var record = await content.GetAsync(Key, idempotencyKey);
        return record is { Status: ContentStatus.Received } ? await ScoreAndApplyAsync(record) : record;
    }

    public async Task<ContentRecord?> Redrive(string idempotencyKey)
    {
        var record = await content.GetAsync(Key, idempotencyKey);
        return record is { Status: ContentStatus.Failed }
            ? await ScoreAndApplyAsync(record with { Status = ContentStatus.Received, Attempts = 0, FailureReason = null })
            : record;
    }

    private async Task<ContentRecord> ScoreAndApplyAsync(ContentRecord record)
    {
        var submission = record.Submission;
        ContentVerdict verdict;
        try
        {
            var trust = await AuthorTrustAsync(submission.Author);
            verdict = await GrainFactory.GetGrain<IScoringWorkerGrain>(0).Score(new ScoringRequest(Key, submission.Text, submission.Images, trust));
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
                Status = givenUp ? ContentStatus.Failed : ContentStatus.Received,
                FailureReason = why.Length <= MaxEvidence ? why : why[..MaxEvidence],
            };
            if (attempts == 1)
            {
                LogScoringFailed(error, Key, submission.IdempotencyKey);
            }

            if (givenUp)
            {
                LogScoringGaveUp(Key, submission.IdempotencyKey, attempts, failed.FailureReason);
                scoringMeters.Failed();
            }

            await content.UpdateAsync(failed);
            return failed;
        }

        await ApplyLabelsAsync(verdict, submission.Actor, record.ReceivedAt);
        var (reason, category) = ReviewReason(verdict);
        RouteResult? routed = null;
        if (reason is not null)
        {
            routed = await RouteForReviewAsync(record, verdict, reason, category!);
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
        await content.UpdateAsync(done);
        return done;
    }

    private async Task<double> AuthorTrustAsync(string? author) =>
        author is null ? AuthorTrust.Unknown
        : author == Key ? AuthorTrust.From(await GetLabels())
        : AuthorTrust.From(await GrainFactory.GetGrain<IEntityGrain>(author).GetLabels());

    /// <summary>
    /// A label per category that did not allow; a category that now allows loses its earlier scoring label.
    /// Labels carry the submission's time, so re-driving the same submission after a crash writes identical
    /// labels, which the entity ignores: no second history row.
    /// </summary>
    private async Task ApplyLabelsAsync(ContentVerdict verdict, string actor, DateTimeOffset receivedAt)
    {
        var labels = verdict.Categories.Where(c => c.Enforcement is not null).Select(c => new Label
        {
            Source = new LabelSource(ScoringSystem, SourceKind.Automated, c.Category),
            Enforcement = c.Enforcement!,
            Policy = c.Category,
            CreatedAt = receivedAt,
            Confidence = c.Score,
            Evidence = Summarize(c),
        }).ToList();
        var attributed = $"{ScoringSystem} for {actor}";
        if (labels.Count > 0)
        {
            var results = await WriteLabels(labels, attributed);
            foreach (var refused in results.Where(r => r.Errors.Count > 0))
            {
                LogLabelRefused(Key, string.Join("; ", refused.Errors.Select(e => $"{e.Field}: {e.Message}")));
            }
        }

        foreach (var cleared in verdict.Categories.Where(c => c.Enforcement is null))
        {
            var source = new LabelSource(ScoringSystem, SourceKind.Automated, cleared.Category);
            if (_state.Live.ContainsKey(source.Key))
            {
                await RemoveLabel(source, attributed, $"re-scored {cleared.Score:0.000}: allowed");
            }
        }
    }

    /// <summary>Why humans should look, and the category that decides the queue: uncertain first, then degraded, then a random audit.</summary>
    private (string? Reason, string? Category) ReviewReason(ContentVerdict verdict)
    {
        var uncertain = verdict.Categories.Where(c => c.Decision == VerdictDecision.Review).MaxBy(c => c.Score);
        if (uncertain is not null)
        {
            return (uncertain.Degraded ? "degraded" : "model-uncertain", uncertain.Category);
        }

        var degraded = verdict.Categories.FirstOrDefault(c => c.Degraded);
        if (degraded is not null)
        {
            return ("degraded", degraded.Category);
        }

        var audited = verdict.Categories.FirstOrDefault(c => Random.Shared.NextDouble() < scoring.Value.PolicyFor(c.Category).AuditSampleRate);
        return audited is null ? (null, null) : ("quality-audit", audited.Category);
    }

    private async Task<RouteResult> RouteForReviewAsync(ContentRecord record, ContentVerdict verdict, string reason, string category)
    {
        var submission = record.Submission;
        var decisive = verdict.Categories.First(c => c.Category == category);
        var objects = new List<ReviewObject> { new("item", Key) };
        if (submission.Author is { } author && author != Key)
        {
            objects.Add(new ReviewObject("owner", author));
        }

        var routed = await GrainFactory.GetGrain<IRoutingGrain>("default").Submit(
            new RoutingRequest { EntityType = Key.Split(':', 2)[0], Policy = category, Score = decisive.Score, Locale = submission.Locale, ReportReason = reason },
            new EnqueueRequest
            {
                Key = $"scoring:{Key}:{submission.IdempotencyKey}",
                Objects = objects,
                Scores = [.. verdict.Categories.Select(c => new JobScore(c.Category, c.Score, Summarize(c)))],
                Reason = reason,
                Actor = ScoringSystem,
            });
        if (routed.Job?.JobId is null)
        {
            LogUnrouted(Key, reason, string.Join("; ", routed.Errors.Select(e => e.Message)));
        }
        else
        {
            scoringMeters.Routed(category, reason);
        }

        return routed;
    }

    private static string Summarize(CategoryVerdict verdict)
    {
        var parts = verdict.Evidence.Select(e => $"{e.Kind} {e.Detail} {e.Value:0.###}");
        var summary = $"{verdict.Decision.ToString().ToLowerInvariant()} at {verdict.Score:0.###}{(verdict.Degraded ? " (degraded)" : string.Empty)}: {string.Join("; ", parts)}";
        return summary.Length <= MaxEvidence ? summary : summary[..(MaxEvidence - 1)] + "…";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scoring {Entity} submission {Key} failed; it stays received and the recovery pass retries it with backoff")]
    private partial void LogScoringFailed(Exception error, string entity, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scoring {Entity} submission {Key} failed {Attempts} times; marked failed ({Reason}) until an operator re-drives it")]
    private partial void LogScoringGaveUp(string entity, string key, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A scoring label on {Entity} was refused: {Errors}")]
    private partial void LogLabelRefused(string entity, string errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Entity} needed review ({Reason}) but no queue took it: {Errors}")]
    private partial void LogUnrouted(string entity, string reason, string errors);
}
