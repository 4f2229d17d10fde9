namespace Warden.Abstractions.Labels;

[GenerateSerializer, Alias("warden.labels.write-outcome")]
public enum LabelWriteOutcome
{
    /// <summary>Refused: nothing stored; the errors name each bad field.</summary>
    Rejected = 0,

    /// <summary>The first live label from this source.</summary>
    Added = 1,

    /// <summary>Replaced the source's previous live label.</summary>
    Replaced = 2,

    /// <summary>Identical to the live label from this source: nothing changed, no history.</summary>
    Unchanged = 3,

    /// <summary>Older than the source's live label: a late or replayed write, ignored.</summary>
    Stale = 4,

    /// <summary>An automated label on a trusted entity, stored as pending until a human decides.</summary>
    Held = 5,

    /// <summary>The source's live label was removed.</summary>
    Removed = 6,

    /// <summary>There was no live label from this source to remove.</summary>
    NotFound = 7,
}
