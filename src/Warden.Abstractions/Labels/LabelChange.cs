namespace Warden.Abstractions.Labels;

/// <summary>One change to an entity's labels, as its history records it.</summary>
[GenerateSerializer, Immutable, Alias("warden.labels.change")]
public sealed record LabelChange
{
    [Id(0)] public required string Entity { get; init; }

    [Id(1)] public required LabelChangeKind Kind { get; init; }

    [Id(2)] public required Label Label { get; init; }

    /// <summary>The label this one replaced, when it replaced one.</summary>
    [Id(3)] public Label? Previous { get; init; }

    /// <summary>Who made the change: an API key, a user, a system (<c>expiry</c>).</summary>
    [Id(4)] public required string Actor { get; init; }

    [Id(5)] public required DateTimeOffset At { get; init; }

    /// <summary>Free text: why (a hold's reason, a removal's note).</summary>
    [Id(6)] public string? Reason { get; init; }
}
