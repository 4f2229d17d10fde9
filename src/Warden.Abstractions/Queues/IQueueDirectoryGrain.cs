namespace Warden.Abstractions.Queues;

/// <summary>Every configured queue (key <c>default</c>): the queue list reads it, each queue keeps its entry current.</summary>
[Alias("warden.queues.directory")]
public interface IQueueDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The cluster has one; this is its key.</summary>
    const string DefaultKey = "default";

    [Alias("list"), ReadOnly]
    Task<IReadOnlyList<QueueSummary>> List();

    /// <summary>The queues a reviewer in <paramref name="groups"/> may work.</summary>
    [Alias("list-for"), ReadOnly]
    Task<IReadOnlyList<QueueSummary>> ListFor(IReadOnlyList<string> groups);

    [Alias("register")]
    Task Register(QueueSummary summary);
}
