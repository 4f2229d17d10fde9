namespace Warden.Abstractions.Access;

/// <summary>An account as stored, and the moment before which its sessions no longer count (a password change, a disable).</summary>
[GenerateSerializer, Immutable, Alias("warden.access.account-snapshot")]
public sealed record AccountSnapshot([property: Id(0)] StoredAccount Account, [property: Id(1)] DateTimeOffset SessionsValidFrom);
