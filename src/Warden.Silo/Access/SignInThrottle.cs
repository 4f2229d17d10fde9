using System.Collections.Concurrent;

namespace Warden.Silo.Access;

/// <summary>
/// Failed sign-ins per username on this host: after <see cref="FreeFailures"/> in a row the name is locked for
/// 30 s, doubling with each further failure up to 15 minutes, and a locked name is refused before any password
/// is hashed. Unknown usernames are counted the same way, so a lockout says nothing about which names exist.
/// (Each host counts for itself; the per-address rate limit bounds what many hosts allow together.)
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeFailures = 5;
    private const int MaxTracked = 100_000;
    private static readonly TimeSpan FirstLock = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestLock = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset LockedUntil)> _byName = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="username"/> stays locked, or null when it may try.</summary>
    public TimeSpan? LockedFor(string username) =>
        _byName.TryGetValue(username, out var entry) && entry.LockedUntil > clock.GetUtcNow() ? entry.LockedUntil - clock.GetUtcNow() : null;

    public void Failed(string username)
    {
        if (_byName.Count > MaxTracked)
        {
            // Bounded: a flood of invented names cannot grow this without limit.
            _byName.Clear();
        }

        _byName.AddOrUpdate(username, _ => (1, DateTimeOffset.MinValue), (_, entry) =>
        {
            var failures = entry.Failures + 1;
            if (failures < FreeFailures)
            {
                return (failures, DateTimeOffset.MinValue);
            }

            var lockFor = TimeSpan.FromTicks(Math.Min(LongestLock.Ticks, FirstLock.Ticks << Math.Min(failures - FreeFailures, 10)));
            return (failures, clock.GetUtcNow() + lockFor);
        });
    }

    public void Succeeded(string username) => _byName.TryRemove(username, out _);
}
