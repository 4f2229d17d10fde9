namespace Warden.Abstractions.Access;

/// <summary>A key with the SHA-256 of its secret, for the host to verify a presented key against.</summary>
[GenerateSerializer, Immutable, Alias("warden.access.stored-api-key")]
public sealed record StoredApiKey([property: Id(0)] ApiKeyInfo Info, [property: Id(1)] string SecretHash);
