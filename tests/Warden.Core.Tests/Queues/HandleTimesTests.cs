using Warden.Core.Queues;

namespace Warden.Core.Tests.Queues;

public sealed class HandleTimesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Average_p90_and_the_last_hour_come_from_the_recorded_decisions()
    {
        var times = new HandleTimes();
        for (var i = 1; i <= 10; i++)
        {
            times.Record(Now.AddMinutes(-10 * i), TimeSpan.FromSeconds(i * 10));
        }

        times.Average.Should().Be(TimeSpan.FromSeconds(55));
        times.P90.Should().Be(TimeSpan.FromSeconds(90));
        times.InLastHour(Now).Should().Be(6);
        new HandleTimes().P90.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Only_the_most_recent_decisions_are_kept()
    {
        var times = new HandleTimes();
        for (var i = 0; i < HandleTimes.Capacity + 10; i++)
        {
            times.Record(Now, TimeSpan.FromSeconds(i < 10 ? 1000 : 1));
        }

        times.P90.Should().Be(TimeSpan.FromSeconds(1));
        times.InLastHour(Now).Should().Be(HandleTimes.Capacity);
    }
}
