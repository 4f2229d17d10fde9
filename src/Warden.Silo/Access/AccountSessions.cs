using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Warden.Abstractions.Access;
using Warden.Core.Access;
using Warden.Silo.Api;

namespace Warden.Silo.Access;

/// <summary>
/// Signs people in and resolves their sessions on this host. Passwords are verified here, on the request's
/// thread, never inside a grain's turn, and an unknown username costs the same hash as a known one. A
/// resolved session is kept for <see cref="ApiSettings.SessionCacheLifetime"/>, so a page costs no grain call.
/// </summary>
public sealed class AccountSessions(IGrainFactory grains, IOptions<ApiSettings> settings, SignInThrottle throttle, TimeProvider clock)
{
    /// <summary>A sign-in's outcome: a session, a refusal, or a refusal because the name is locked (and for how long).</summary>
    public sealed record Attempt(SignInResult? Session, TimeSpan? LockedFor)
    {
        public string LockedMessage => $"Too many failed sign-ins for this username: try again in {Math.Ceiling(LockedFor?.TotalSeconds ?? 0):0} s.";
    }

    /// <summary>Verified when the username is unknown, so both answers take as long.</summary>
    private static readonly string DecoyHash = AccountRules.HashPassword(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));

    private readonly ConcurrentDictionary<string, (AccountInfo? Account, DateTimeOffset At)> _resolved = new(StringComparer.Ordinal);

    public async Task<Attempt> SignInAsync(string? username, string? password)
    {
        var name = (username ?? string.Empty).Length > 64 ? username![..64] : username ?? string.Empty;
        if (throttle.LockedFor(name) is { } locked)
        {
            return new Attempt(null, locked);
        }

        var snapshot = string.IsNullOrEmpty(username) || username.Length > 64 ? null : await grains.GetGrain<IAccountGrain>(username).Get();
        var verified = AccountRules.VerifyPassword(snapshot?.Account.PasswordHash ?? DecoyHash, password ?? string.Empty);
        if (snapshot is null || !verified || snapshot.Account.Info.Disabled)
        {
            throttle.Failed(name);
            return new Attempt(null, null);
        }

        throttle.Succeeded(name);

        var token = AccountRules.NewSessionToken();
        var expiresAt = clock.GetUtcNow() + AccountRules.SessionLifetime;
        await grains.GetGrain<IAccountGrain>(username!).OpenSession(AccountRules.SessionKey(token), expiresAt);
        return new Attempt(new SignInResult(token, snapshot.Account.Info, expiresAt), null);
    }

    /// <summary>The account behind a live session token, or null.</summary>
    public async ValueTask<AccountInfo?> ResolveAsync(string token)
    {
        var key = AccountRules.SessionKey(token);
        var now = clock.GetUtcNow();
        if (_resolved.TryGetValue(key, out var cached) && now - cached.At < settings.Value.SessionCacheLifetime)
        {
            return cached.Account;
        }

        var account = await LookUpAsync(key);
        _resolved[key] = (account, now);
        if (_resolved.Count > 100_000)
        {
            // Bounded: an attacker presenting random tokens cannot grow this without limit.
            _resolved.Clear();
        }

        return account;
    }

    public async Task SignOutAsync(string token)
    {
        var key = AccountRules.SessionKey(token);
        _resolved.TryRemove(key, out _);
        await grains.GetGrain<ISessionGrain>(key).End();
    }

    private async Task<AccountInfo?> LookUpAsync(string sessionKey)
    {
        if (await grains.GetGrain<ISessionGrain>(sessionKey).Resolve() is not { } session)
        {
            return null;
        }

        var snapshot = await grains.GetGrain<IAccountGrain>(session.Username).Get();
        return snapshot is null || snapshot.Account.Info.Disabled || session.CreatedAt < snapshot.SessionsValidFrom ? null : snapshot.Account.Info;
    }
}
