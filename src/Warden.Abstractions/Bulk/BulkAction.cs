namespace Warden.Abstractions.Bulk;

/// <summary>
/// What a bulk operation does to each entity: <c>label</c> writes a human label from source
/// <c>human/bulk/&lt;operation id&gt;</c> (<see cref="Enforcement"/> for <see cref="Policy"/>, with
/// <see cref="Reason"/> as its evidence); <c>remove</c> removes the live label of <see cref="RemoveSource"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.bulk.action")]
public sealed record BulkAction
{
    [Id(0)] public string Kind { get; init; } = "label";

    [Id(1)] public string? Enforcement { get; init; }

    [Id(2)] public string? Policy { get; init; }

    [Id(3)] public string? RemoveSource { get; init; }

    [Id(4)] public required string Reason { get; init; }
}
