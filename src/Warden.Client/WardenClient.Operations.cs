using Orleans.Streams;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Abstractions.Runtime;
using Warden.Abstractions.Scoring;

namespace Warden.Client;

/// <summary>Typed operations over the grain interfaces, for services that would rather not know grain keys.</summary>
public sealed partial class WardenClient
{
    /// <summary>Stores and scores content for <paramref name="entity"/> (e.g. <c>pin:123</c>); see <see cref="IContentGrain.Submit"/>.</summary>
    public Task<SubmitResult> SubmitAsync(string entity, ContentSubmission submission) => Grains.Content(entity, submission.IdempotencyKey ?? string.Empty).Submit(submission);

    public Task<ContentRecord?> GetContentAsync(string entity, string idempotencyKey) => Grains.Content(entity, idempotencyKey).Get();

    public Task<LabelWriteResult> WriteLabelAsync(string entity, Label label, string actor) => Entity(entity).WriteLabel(label, actor);

    public Task<IReadOnlyList<LabelWriteResult>> WriteLabelsAsync(string entity, IReadOnlyList<Label> labels, string actor) => Entity(entity).WriteLabels(labels, actor);

    public Task<LabelWriteResult> RemoveLabelAsync(string entity, LabelSource source, string actor, string? reason = null) => Entity(entity).RemoveLabel(source, actor, reason);

    /// <summary>The enforcement on <paramref name="surface"/> with its ranked explanation ("why was this removed?").</summary>
    public Task<EnforcementDecision> GetEnforcementAsync(string entity, string surface) => Entity(entity).GetEnforcement(surface);

    /// <summary>The enforcement without the explanation: the hot path.</summary>
    public Task<EnforcementVerdict> GetVerdictAsync(string entity, string surface) => Entity(entity).GetVerdict(surface);

    /// <summary>Verdicts for many entities in one round trip, in their order.</summary>
    public Task<IReadOnlyList<EnforcementVerdict>> GetVerdictsAsync(string surface, IReadOnlyList<string> entities) =>
        Grains.GetGrain<IEnforcementReaderGrain>(0).GetVerdicts(surface, entities);

    public Task<IReadOnlyList<EnforcementDecision>> GetEnforcementsAsync(string surface, IReadOnlyList<string> entities) =>
        Grains.GetGrain<IEnforcementReaderGrain>(0).GetEnforcements(surface, entities);

    /// <summary>
    /// Calls <paramref name="onChange"/> for every change of any entity's enforcement on any surface,
    /// from all partitions of <c>warden.enforcement</c>; dispose the result to stop.
    /// </summary>
    public async Task<IAsyncDisposable> SubscribeToEnforcementAsync(Func<EnforcementChanged, Task> onChange)
    {
        var provider = Cluster.GetStreamProvider(WardenProviders.Streams);
        var handles = new List<StreamSubscriptionHandle<EnforcementChanged>>();
        for (var partition = 0; partition < WardenStreams.EnforcementPartitions; partition++)
        {
            var stream = provider.GetStream<EnforcementChanged>(StreamId.Create(WardenStreams.Enforcement, partition.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            handles.Add(await stream.SubscribeAsync((change, _) => onChange(change)));
        }

        return new Subscription(handles);
    }

    public IQueueGrain Queue(string queueId) => Grains.GetGrain<IQueueGrain>(queueId);

    public Task<EnqueueResult> EnqueueAsync(string queueId, EnqueueRequest request) => Queue(queueId).Enqueue(request);

    public Task<JobLease?> LeaseNextAsync(string queueId, Reviewer reviewer) => Queue(queueId).LeaseNext(reviewer);

    public Task<JobStepResult> DecideAsync(string queueId, JobLease lease, ReviewDecision decision) => Queue(queueId).Decide(lease.JobId, lease.Token, decision);

    public Task<QueueMetrics> GetQueueMetricsAsync(string queueId) => Queue(queueId).GetMetrics();

    /// <summary>Files the owner's appeal of the enforcement on <paramref name="entity"/> (the most severe one unless a surface is named).</summary>
    public Task<Abstractions.Appeals.AppealResult> FileAppealAsync(string entity, string appellant, string statement, string? surface = null) =>
        Grains.GetGrain<Abstractions.Appeals.IAppealsGrain>(entity).File(new Abstractions.Appeals.AppealRequest { Appellant = appellant, Statement = statement, Surface = surface });

    public Task<IReadOnlyList<Abstractions.Appeals.AppealRecord>> GetAppealsAsync(string entity) => Grains.GetGrain<Abstractions.Appeals.IAppealsGrain>(entity).List();

    public Task<Abstractions.Strikes.StrikeSummary> GetStrikesAsync(string user) => Grains.GetGrain<Abstractions.Strikes.IStrikesGrain>(user).Get();

    private IEntityGrain Entity(string entity) => Grains.Get<IEntityGrain>(entity);

    /// <summary>Unsubscribes once; disposing it again does nothing.</summary>
    private sealed class Subscription(List<StreamSubscriptionHandle<EnforcementChanged>> handles) : IAsyncDisposable
    {
        private int _disposed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                await Task.WhenAll(handles.Select(h => h.UnsubscribeAsync()));
            }
        }
    }
}
