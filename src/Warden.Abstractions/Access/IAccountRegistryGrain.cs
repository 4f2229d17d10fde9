namespace Warden.Abstractions.Access;

/// <summary>
/// People's accounts (key <c>default</c>): roles, groups, hashed passwords, and the sessions they sign in
/// to. The first admin is created with <c>warden accounts create-admin</c>.
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

    /// <summary>A session token when the password matches an enabled account; null otherwise (no hint which part was wrong).</summary>
    [Alias("sign-in")]
    Task<SignInResult?> SignIn(string username, string password);

    /// <summary>The account behind a live session token, or null.</summary>
    [Alias("resolve-session"), ReadOnly]
    Task<AccountInfo?> ResolveSession(string token);

    [Alias("sign-out")]
    Task SignOut(string token);
}
