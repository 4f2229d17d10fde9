using Warden.Abstractions.Labels;
using Warden.Abstractions.Reviews;
using Warden.Abstractions.Scoring;
using Warden.Grains.Policies;

namespace Warden.Grains.Scoring;

/// <summary>What a verdict leads to: automated labels on the entity, and a review job when humans should look.</summary>
public sealed partial class ContentGrain
{
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
        var entity = GrainFactory.GetGrain<IEntityGrain>(_entity);
        if (labels.Count > 0)
        {
            var results = await entity.WriteLabels(labels, attributed);
            foreach (var refused in results.Where(r => r.Errors.Count > 0))
            {
                LogLabelRefused(_entity, string.Join("; ", refused.Errors.Select(e => $"{e.Field}: {e.Message}")));
            }
        }

        var cleared = verdict.Categories.Where(c => c.Enforcement is null).ToList();
        if (cleared.Count == 0)
        {
            return;
        }

        var live = (await entity.GetLabels()).Live.Select(l => l.Source.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var category in cleared)
        {
            var source = new LabelSource(ScoringSystem, SourceKind.Automated, category.Category);
            if (live.Contains(source.Key))
            {
                await entity.RemoveLabel(source, attributed, $"re-scored {category.Score:0.000}: allowed");
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
        var objects = new List<ReviewObject> { new("item", _entity) };
        if (submission.Author is { } author && author != _entity)
        {
            objects.Add(new ReviewObject("owner", author));
        }

        var routed = await GrainFactory.GetGrain<IRoutingGrain>(IRoutingGrain.DefaultKey).Submit(
            new RoutingRequest { EntityType = _entity.Split(':', 2)[0], Policy = category, Score = decisive.Score, Locale = submission.Locale, ReportReason = reason },
            new EnqueueRequest
            {
                Key = $"scoring:{_entity}:{submission.IdempotencyKey}",
                Objects = objects,
                Scores = [.. verdict.Categories.Select(c => new JobScore(c.Category, c.Score, Summarize(c)))],
                Reason = reason,
                Actor = ScoringSystem,
                Origin = JobOrigin.Scoring,
            });
        if (routed.Job?.JobId is null)
        {
            LogUnrouted(_entity, reason, string.Join("; ", routed.Errors.Select(e => e.Message)));
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
}
