namespace Warden.Abstractions.Bulk;

/// <summary>Dry runs and the record of bulk operations.</summary>
[Alias("warden.bulk.query-grain")]
public interface IBulkQueryGrain : IGrainWithIntegerKey
{
    [Alias("preview")]
    Task<BulkPreview> Preview(BulkQuery query);

    /// <summary>Operations newest first.</summary>
    [Alias("list")]
    Task<IReadOnlyList<BulkOperationInfo>> List(int limit);
}
