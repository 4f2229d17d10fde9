namespace Warden.Abstractions.Labels;

/// <summary>
/// Enforcement for many entities in one call (a feed asks for hundreds): fans out inside the cluster,
/// so the caller pays one round trip. Call with key 0; it runs on whichever silo receives it.
/// </summary>
[Alias("warden.labels.enforcement-reader")]
public interface IEnforcementReaderGrain : IGrainWithIntegerKey
{
    [Alias("get-enforcements"), ReadOnly]
    Task<IReadOnlyList<EnforcementDecision>> GetEnforcements(string surface, IReadOnlyList<string> entities);

    /// <summary>Verdicts without explanations, in the order of <paramref name="entities"/>: what a feed needs.</summary>
    [Alias("get-verdicts"), ReadOnly]
    Task<IReadOnlyList<EnforcementVerdict>> GetVerdicts(string surface, IReadOnlyList<string> entities);
}
