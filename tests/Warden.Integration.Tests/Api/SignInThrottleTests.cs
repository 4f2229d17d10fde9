using Warden.Silo.Api;
using Warden.Silo.Access;

namespace Warden.Integration.Tests.Api;

public sealed class SignInThrottleTests
{
    [Fact]
    public void A_name_locks_after_its_free_failures_for_longer_each_time_and_unlocks_on_success()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < SignInThrottle.FreeFailures - 1; i++)
        {
            throttle.Failed("ann");
            throttle.LockedFor("ann").Should().BeNull();
        }

        throttle.Failed("ann");
        throttle.LockedFor("ann").Should().Be(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(31));
        throttle.LockedFor("ann").Should().BeNull();
        throttle.Failed("ann");
        throttle.LockedFor("ann").Should().Be(TimeSpan.FromSeconds(60), "each further failure doubles the lock");
        throttle.LockedFor("bob").Should().BeNull("names lock independently");
        throttle.Succeeded("ann");
        throttle.LockedFor("ann").Should().BeNull();
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
