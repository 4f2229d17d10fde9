namespace Warden.Abstractions.Access;

/// <summary>An API key as listed: never its secret, which is stored only as a hash.</summary>
[GenerateSerializer, Immutable, Alias("warden.access.api-key")]
public sealed record ApiKeyInfo
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string Name { get; init; }

    [Id(2)] public List<string> Scopes { get; init; } = [];

    [Id(3)] public DateTimeOffset CreatedAt { get; init; }

    [Id(4)] public required string CreatedBy { get; init; }

    [Id(5)] public DateTimeOffset? RevokedAt { get; init; }

    [Id(6)] public string? RevokedBy { get; init; }

    public bool Has(string scope) => RevokedAt is null && (Scopes.Contains(scope) || Scopes.Contains(ApiScopes.Admin));
}
