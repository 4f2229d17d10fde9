using Warden.Abstractions.Access;

namespace Warden.Grains.Access;

/// <summary>The list of accounts (no password hashes: those stay in each account's grain).</summary>
[GenerateSerializer, Alias("warden.access.account-index-state")]
public sealed class AccountRegistryState
{
    [Id(0)] public Dictionary<string, AccountInfo> Accounts { get; set; } = [];
}
