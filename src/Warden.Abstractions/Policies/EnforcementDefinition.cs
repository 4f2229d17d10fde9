namespace Warden.Abstractions.Policies;

/// <summary>An enforcement and its severity: higher is stricter (allow 0 &lt; limit 10 &lt; block 20).</summary>
[GenerateSerializer, Immutable, Alias("warden.policies.enforcement")]
public sealed record EnforcementDefinition([property: Id(0)] string Name, [property: Id(1)] int Severity);
