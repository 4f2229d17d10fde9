using Warden.Abstractions.Labels;

namespace Warden.Abstractions.Policies;

/// <summary>
/// How much the resolver trusts a source. Matches on system, and optionally on kind and name; the most
/// specific matching rule wins (system+kind+name over system+kind over system).
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.policies.source-reputation")]
public sealed record SourceReputation(
    [property: Id(0)] string System,
    [property: Id(1)] double Reputation,
    [property: Id(2)] SourceKind? Kind = null,
    [property: Id(3)] string? Name = null);
