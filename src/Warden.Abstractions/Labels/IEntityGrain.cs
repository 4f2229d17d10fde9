namespace Warden.Abstractions.Labels;

/// <summary>
/// A Pin, board, user, comment, message …, keyed <c>{type}:{id}</c>: its labels, and the enforcement
/// they resolve to on each surface.
/// </summary>
[Alias("warden.labels.entity")]
public interface IEntityGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces the label of <see cref="Label.Source"/>; refused with every bad field named.</summary>
    [Alias("write-label")]
    Task<LabelWriteResult> WriteLabel(Label label, string actor);

    /// <summary>Writes several labels in order with one durable write; one result per label.</summary>
    [Alias("write-labels")]
    Task<IReadOnlyList<LabelWriteResult>> WriteLabels(IReadOnlyList<Label> labels, string actor);

    [Alias("remove-label")]
    Task<LabelWriteResult> RemoveLabel(LabelSource source, string actor, string? reason);

    /// <summary>Marks the entity trusted (a partner): severe automated labels are then held for review.</summary>
    [Alias("set-trusted")]
    Task SetTrusted(bool trusted, string actor);

    [Alias("get-labels")]
    Task<EntityLabels> GetLabels();

    /// <summary>The enforcement on <paramref name="surface"/>, with its explanation; unknown surfaces are refused.</summary>
    [Alias("get-enforcement"), ReadOnly]
    Task<EnforcementDecision> GetEnforcement(string surface);

    /// <summary>The enforcement on every surface of the catalog, with explanations, in one call.</summary>
    [Alias("get-enforcements"), ReadOnly]
    Task<IReadOnlyList<EnforcementDecision>> GetEnforcements();

    /// <summary>The same answer as <see cref="GetEnforcement"/> without the ranked explanation: the hot path.</summary>
    [Alias("get-verdict"), ReadOnly]
    Task<EnforcementVerdict> GetVerdict(string surface);

    /// <summary>The most recent changes to this entity's labels, newest first.</summary>
    [Alias("get-history")]
    Task<IReadOnlyList<LabelChange>> GetHistory(int limit);
}
