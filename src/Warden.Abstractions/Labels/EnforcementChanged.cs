namespace Warden.Abstractions.Labels;

/// <summary>
/// An entity's enforcement on a surface changed (a label written, removed, released or expired).
/// Delivered at least once: a repeat carries the same <see cref="EventId"/>, and
/// <see cref="EntityVersion"/> orders the changes of one entity.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.labels.enforcement-changed")]
public sealed record EnforcementChanged(
    [property: Id(0)] string Entity,
    [property: Id(1)] string Surface,
    [property: Id(2)] string Previous,
    [property: Id(3)] EnforcementDecision Current)
{
    /// <summary><c>{entity}/{version}/{surface}</c>: the same for every delivery of this change.</summary>
    [Id(4)] public string EventId { get; init; } = string.Empty;

    /// <summary>The version of the entity's labels that made this change; higher is newer.</summary>
    [Id(5)] public int EntityVersion { get; init; }

    public static string IdOf(string entity, int version, string surface) => $"{entity}/{version}/{surface}";
}
