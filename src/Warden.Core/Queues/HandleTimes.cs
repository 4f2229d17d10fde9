namespace Warden.Core.Queues;

/// <summary>
/// Recent decisions of a queue, for its live numbers: decisions in the last hour, and average and p90
/// handle time (lease to decision) over the most recent <see cref="Capacity"/> decisions.
/// </summary>
public sealed class HandleTimes
{
    public const int Capacity = 4096;
    private readonly Queue<(DateTimeOffset At, TimeSpan Took)> _recent = new();

    public void Record(DateTimeOffset at, TimeSpan took)
    {
        if (_recent.Count == Capacity)
        {
            _recent.Dequeue();
        }

        _recent.Enqueue((at, took < TimeSpan.Zero ? TimeSpan.Zero : took));
    }

    public int InLastHour(DateTimeOffset now) => _recent.Count(r => now - r.At <= TimeSpan.FromHours(1));

    public TimeSpan Average => _recent.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)_recent.Average(r => r.Took.Ticks));

    /// <summary>Nearest-rank 90th percentile.</summary>
    public TimeSpan P90
    {
        get
        {
            if (_recent.Count == 0)
            {
                return TimeSpan.Zero;
            }

            var sorted = _recent.Select(r => r.Took).Order().ToList();
            return sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1];
        }
    }
}
