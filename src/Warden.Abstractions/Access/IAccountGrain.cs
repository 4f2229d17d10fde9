namespace Warden.Abstractions.Access;

/// <summary>
/// One person's account (key: the username) with the sessions it opened, so signing in and resolving a
/// session touch that person's grains only. Accounts are created and changed through <see cref="IAccountRegistryGrain"/>.
/// </summary>
[Alias("warden.access.account-grain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>The account with its password hash (cluster-internal), or null when there is none.</summary>
    [Alias("get"), ReadOnly]
    Task<AccountSnapshot?> Get();

    /// <summary>Stores the account; <paramref name="endSessions"/> ends every session opened before now.</summary>
    [Alias("store")]
    Task Store(StoredAccount account, bool endSessions);

    /// <summary>Records a new session (stored by its hash); the oldest beyond the per-account cap end.</summary>
    [Alias("open-session")]
    Task OpenSession(string sessionKey, DateTimeOffset expiresAt);
}
