using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Warden.Abstractions.Access;
using Warden.Silo.Api;

namespace Warden.Silo.Access;

/// <summary>This host's copy of recently used keys, so a request costs no grain call; revocation reaches it within the cache lifetime.</summary>
public sealed class ApiKeyCache(IGrainFactory grains, IOptions<ApiSettings> settings, TimeProvider clock)
{
    private const int MaxCached = 100_000;

    private readonly ConcurrentDictionary<string, (StoredApiKey? Key, DateTimeOffset At)> _keys = new(StringComparer.Ordinal);

    public async ValueTask<StoredApiKey?> FindAsync(string id)
    {
        var now = clock.GetUtcNow();
        if (_keys.TryGetValue(id, out var cached) && now - cached.At < settings.Value.KeyCacheLifetime)
        {
            return cached.Key;
        }

        var key = await grains.GetGrain<IApiKeyGrain>(id).Find();
        if (_keys.Count > MaxCached)
        {
            // Bounded: invented key ids cannot grow this without limit.
            _keys.Clear();
        }

        _keys[id] = (key, now);
        return key;
    }
}
