using Warden.Core.Actions;

namespace Warden.Core.Tests.Actions;

public sealed class BackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(4, 40)]
    [InlineData(5, 60)]
    [InlineData(40, 60)]
    public void Delays_double_up_to_the_cap(int attempt, double seconds) =>
        Backoff.After(attempt, Initial, Max, jitter: 0.5).Should().Be(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void Jitter_spreads_a_delay_by_a_fifth_either_way()
    {
        Backoff.After(2, Initial, Max, jitter: 0).Should().Be(TimeSpan.FromSeconds(8));
        Backoff.After(2, Initial, Max, jitter: 0.999).Should().BeCloseTo(TimeSpan.FromSeconds(12), TimeSpan.FromMilliseconds(10));
        var zero = () => Backoff.After(0, Initial, Max, 0.5);
        zero.Should().Throw<ArgumentOutOfRangeException>();
    }
}
