using System.Diagnostics;

namespace Warden.Integration.Tests.Infrastructure;

/// <summary>Awaits a condition by polling it, failing with the last error when the deadline passes.</summary>
public static class Eventually
{
    public static async Task<T> Succeeds<T>(Func<Task<T>> attempt, Func<T, bool> accept, TimeSpan within, string what)
    {
        var clock = Stopwatch.StartNew();
        Exception? lastError = null;
        var lastValue = default(T);
        while (clock.Elapsed < within)
        {
            try
            {
                lastValue = await attempt();
                if (accept(lastValue))
                {
                    return lastValue;
                }

                lastError = null;
            }
            catch (Exception e)
            {
                lastError = e;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"{what} did not happen within {within}; last value {lastValue}", lastError);
    }
}
