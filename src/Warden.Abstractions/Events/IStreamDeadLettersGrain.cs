namespace Warden.Abstractions.Events;

/// <summary>
/// Operators' view of the durable streams' dead letters (key <see cref="DefaultKey"/>): count, list,
/// and replay, which puts a message back on its queue to be delivered again. Empty in development mode.
/// </summary>
[Alias("warden.events.dead-letters")]
public interface IStreamDeadLettersGrain : IGrainWithStringKey
{
    const string DefaultKey = "default";

    [Alias("count"), ReadOnly]
    Task<long> Count();

    /// <summary>Oldest first.</summary>
    [Alias("list"), ReadOnly]
    Task<List<StreamDeadLetter>> List(int offset, int limit);

    /// <summary>Replays the named messages (all of them when <paramref name="messageIds"/> is empty); returns how many went back.</summary>
    [Alias("replay")]
    Task<int> Replay(List<long> messageIds);
}
