namespace Warden.Abstractions.Labels;

/// <summary>
/// The answer a product surface needs on its hot path: the enforcement, and which source and policy
/// decided it. <see cref="IEntityGrain.GetEnforcement"/> gives the same answer with its full explanation.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.labels.enforcement-verdict")]
public sealed record EnforcementVerdict(
    [property: Id(0)] string Enforcement,
    [property: Id(1)] string? WinningSource,
    [property: Id(2)] string? Policy,
    [property: Id(3)] int CatalogVersion)
{
    public static EnforcementVerdict Of(EnforcementDecision decision) =>
        new(decision.Enforcement, decision.Winner?.Source.Key, decision.Winner?.Policy, decision.CatalogVersion);
}
