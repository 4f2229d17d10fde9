namespace Warden.Abstractions.Bulk;

/// <summary>
/// One bulk operation, keyed by its id: started once (the matched entities are fixed when it starts), run
/// in the background with bounded parallelism, reported with progress, and undone as one unit.
/// </summary>
[Alias("warden.bulk.operation-grain")]
public interface IBulkOperationGrain : IGrainWithStringKey
{
    /// <summary>Records the operation, fixes the entities it matches and starts applying; refused with every reason otherwise.</summary>
    [Alias("start")]
    Task<BulkOperationInfo> Start(BulkRequest request);

    /// <summary>Reverses every applied entity (after the operation has finished), in the background.</summary>
    [Alias("undo")]
    Task<BulkOperationInfo> Undo(string actor);

    [Alias("get")]
    Task<BulkOperationInfo?> Get();
}
