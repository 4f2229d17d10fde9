namespace Warden.Abstractions.Access;

/// <summary>
/// People's accounts (key <c>default</c>): created, changed and listed here; each account and its
/// sessions live in their own grains (<see cref="IAccountGrain"/>, <see cref="ISessionGrain"/>), so
/// signing in never waits for this one. The first admin is created with <c>warden accounts create-admin</c>.
/// </summary>
[Alias("warden.access.accounts")]
public interface IAccountRegistryGrain : IGrainWithStringKey
{
    const string DefaultKey = "default";

    [Alias("create")]
    Task<AccountResult> Create(string username, string password, IReadOnlyList<string> roles, IReadOnlyList<string> groups, string actor);

    /// <summary>Creates an admin only while there is none: how a new cluster gets its first.</summary>
    [Alias("create-first-admin")]
    Task<AccountResult> CreateFirstAdmin(string username, string password, string actor);

    [Alias("set-access")]
    Task<AccountResult> SetAccess(string username, IReadOnlyList<string> roles, IReadOnlyList<string> groups, string actor);

    [Alias("set-password")]
    Task<AccountResult> SetPassword(string username, string password, string actor);

    /// <summary>Disables the account and ends its sessions.</summary>
    [Alias("disable")]
    Task<AccountResult> Disable(string username, string actor);

    [Alias("list")]
    Task<IReadOnlyList<AccountInfo>> List();
}
