using Warden.Abstractions.Labels;
using Warden.Abstractions.Reviews;

namespace Warden.Grains.Reviews;

/// <summary>
/// Held labels become review jobs: each hold is recorded (so an unroutable one is not lost) and sent
/// through the routing rules with report reason <c>held-label</c>. The reviewer's human label then
/// releases or rejects the hold.
/// </summary>
public sealed partial class RoutedHoldReviewRequests(IHoldReviewRequests recorder, IGrainFactory grains, ILogger<RoutedHoldReviewRequests> logger)
    : IHoldReviewRequests
{
    public const string Reason = "held-label";

    public async Task RecordAsync(IReadOnlyList<LabelChange> changes)
    {
        await recorder.RecordAsync(changes);
        foreach (var held in changes.Where(c => c.Kind == LabelChangeKind.Held))
        {
            var label = held.Label;
            var request = new RoutingRequest
            {
                EntityType = held.Entity.Split(':', 2)[0],
                Policy = label.Policy,
                Score = label.Confidence,
                ReportReason = Reason,
            };
            var job = new EnqueueRequest
            {
                Key = $"hold:{held.Entity}:{label.Source.Key}:{label.CreatedAt.UtcTicks}",
                Objects = [new ReviewObject("item", held.Entity)],
                Scores = [new JobScore(label.Source.Key, label.Confidence ?? 1, $"held {label.Enforcement} for {label.Policy}: {label.Evidence}")],
                Reason = Reason,
                Actor = held.Actor,
                Origin = JobOrigin.HeldLabel,
            };
            var routed = await grains.GetGrain<IRoutingGrain>(IRoutingGrain.DefaultKey).Submit(request, job);
            if (routed.Errors.Count > 0)
            {
                LogUnrouted(held.Entity, label.Source.Key, string.Join("; ", routed.Errors.Select(e => e.Message)));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The held label of {Source} on {Entity} found no review queue: {Reason}. It stays recorded in hold_review_requests.")]
    private partial void LogUnrouted(string entity, string source, string reason);
}
