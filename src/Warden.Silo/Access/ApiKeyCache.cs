using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Warden.Abstractions.Access;
using Warden.Core.Access;
using Warden.Silo.Api;

namespace Warden.Silo.Access;

/// <summary>
/// This host's copy of recently used keys, so a request costs no grain call; revocation reaches it within the
/// cache lifetime. A secret that matched the stored hash once is remembered with the caller it proved, so
/// later requests compare it in constant time instead of hashing it again and rebuilding the claims.
/// </summary>
public sealed class ApiKeyCache(IGrainFactory grains, IOptions<ApiSettings> settings, TimeProvider clock)
{
    private const int MaxCached = 100_000;

    private sealed record Entry(StoredApiKey? Key, DateTimeOffset At, string? VerifiedSecret = null, ClaimsPrincipal? Caller = null);

    private readonly ConcurrentDictionary<string, Entry> _keys = new(StringComparer.Ordinal);

    /// <summary>The caller a key proves, or null for an unknown, revoked or wrong one.</summary>
    public async ValueTask<ClaimsPrincipal?> AuthenticateAsync(string id, string secret)
    {
        var now = clock.GetUtcNow();
        if (!_keys.TryGetValue(id, out var entry) || now - entry.At >= settings.Value.KeyCacheLifetime)
        {
            entry = new Entry(await grains.GetGrain<IApiKeyGrain>(id).Find(), now);
            Remember(id, entry);
        }

        if (entry.Key is not { Info.RevokedAt: null } key)
        {
            return null;
        }

        if (entry.VerifiedSecret is { } verified && SameSecret(verified, secret))
        {
            return entry.Caller;
        }

        if (!ApiKeySecrets.Matches(secret, key.SecretHash))
        {
            return null;
        }

        var caller = BearerAuthentication.CallerFor(key.Info);
        Remember(id, entry with { VerifiedSecret = secret, Caller = caller });
        return caller;
    }

    private void Remember(string id, Entry entry)
    {
        if (_keys.Count > MaxCached)
        {
            // Bounded: invented key ids cannot grow this without limit.
            _keys.Clear();
        }

        _keys[id] = entry;
    }

    private static bool SameSecret(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(a.AsSpan()), MemoryMarshal.AsBytes(b.AsSpan()));
}
