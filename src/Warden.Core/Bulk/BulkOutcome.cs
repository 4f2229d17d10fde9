namespace Warden.Core.Bulk;

/// <summary>What happened to one entity of a bulk operation (stored as its number).</summary>
public enum BulkOutcome : short
{
    Pending = 0,
    Applied = 1,

    /// <summary>Nothing to change: the label was there already, or the source had no live label to remove.</summary>
    Skipped = 2,
    Failed = 3,
    Undone = 4,
    UndoSkipped = 5,
    UndoFailed = 6,
}
