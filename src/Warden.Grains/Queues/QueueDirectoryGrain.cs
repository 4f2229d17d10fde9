using Warden.Abstractions.Queues;
using Warden.Abstractions.Runtime;

namespace Warden.Grains.Queues;

[GenerateSerializer, Alias("warden.queues.directory-state")]
public sealed class QueueDirectoryState
{
    [Id(0)] public Dictionary<string, QueueSummary> Queues { get; set; } = [];
}

public sealed class QueueDirectoryGrain(
    [PersistentState("queues", WardenProviders.GrainStorage)] IPersistentState<QueueDirectoryState> directory)
    : Grain, IQueueDirectoryGrain
{
    public Task<IReadOnlyList<QueueSummary>> List() =>
        Task.FromResult<IReadOnlyList<QueueSummary>>([.. directory.State.Queues.Values.OrderBy(q => q.Id, StringComparer.Ordinal)]);

    public Task<IReadOnlyList<QueueSummary>> ListFor(IReadOnlyList<string> groups) =>
        Task.FromResult<IReadOnlyList<QueueSummary>>([.. directory.State.Queues.Values
            .Where(q => q.ReviewerGroups.Any(groups.Contains))
            .OrderBy(q => q.Id, StringComparer.Ordinal)]);

    public async Task Register(QueueSummary summary)
    {
        directory.State.Queues[summary.Id] = summary;
        await directory.WriteStateAsync();
    }
}
