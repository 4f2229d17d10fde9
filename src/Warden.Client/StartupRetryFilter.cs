using Microsoft.Extensions.Logging;

namespace Warden.Client;

/// <summary>
/// Retries the first connection with exponential backoff, so a client started beside its cluster
/// (or before it) waits for a gateway instead of failing at once.
/// </summary>
internal sealed class StartupRetryFilter(WardenClientOptions options, ILogger<StartupRetryFilter> logger) : IClientConnectionRetryFilter
{
    private int _attempt;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        _attempt++;
        if (_attempt >= options.ConnectAttempts)
        {
            logger.LogError(exception, "Giving up on the Warden cluster after {Attempts} attempts", _attempt);
            return false;
        }

        var delay = TimeSpan.FromTicks(Math.Min(options.MaxRetryDelay.Ticks, options.FirstRetryDelay.Ticks << Math.Min(_attempt - 1, 20)));
        logger.LogWarning("Warden cluster not reachable (attempt {Attempt} of {Attempts}: {Error}); retrying in {Delay}",
            _attempt, options.ConnectAttempts, exception.Message, delay);
        await Task.Delay(delay, cancellationToken);
        return true;
    }
}
