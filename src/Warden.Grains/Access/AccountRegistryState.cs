using Warden.Abstractions.Access;

namespace Warden.Grains.Access;

[GenerateSerializer, Alias("warden.access.accounts-state")]
public sealed class AccountRegistryState
{
    [Id(0)] public Dictionary<string, StoredAccount> Accounts { get; set; } = [];

    /// <summary>Live sessions by the SHA-256 of their token: the account and when the session ends.</summary>
    [Id(1)] public Dictionary<string, (string Username, DateTimeOffset ExpiresAt)> Sessions { get; set; } = [];
}
