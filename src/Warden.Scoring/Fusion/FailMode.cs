namespace Warden.Scoring.Fusion;

/// <summary>What a category decides when its model throws or misses the deadline.</summary>
public enum FailMode
{
    /// <summary>Allow, unless hashes or rules say otherwise: availability first.</summary>
    Open,

    /// <summary>Hold for human review.</summary>
    Review,

    /// <summary>Block until a person or a later scoring clears it: safety first.</summary>
    Closed,
}
