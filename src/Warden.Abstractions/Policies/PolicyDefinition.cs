namespace Warden.Abstractions.Policies;

/// <summary>A reason a label may cite: <c>spam</c>, <c>porn</c>, <c>hate</c> …</summary>
[GenerateSerializer, Immutable, Alias("warden.policies.policy")]
public sealed record PolicyDefinition([property: Id(0)] string Name, [property: Id(1)] string Description = "");
