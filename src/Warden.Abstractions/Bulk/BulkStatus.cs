namespace Warden.Abstractions.Bulk;

[GenerateSerializer, Alias("warden.bulk.status")]
public enum BulkStatus
{
    None = 0,
    Running = 1,
    Applied = 2,
    Undoing = 3,
    Undone = 4,
}
