using System.Diagnostics;

namespace Warden.Integration.Tests.Chaos;

/// <summary>
/// A careful client of a cluster's HTTP facade: each request goes to the next silo in turn, and a
/// refused connection, a timeout or a 5xx is retried on another silo (the request itself, idempotency key
/// included, unchanged) until it is answered or the patience runs out. Counts what it had to absorb.
/// </summary>
public sealed class RetryingHttp(HttpClient http, IReadOnlyList<int> httpPorts)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _next;
    private int _errors;
    private long _lastErrorTicks = -1;
    private long _lastServerErrorTicks = -1;
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _successes = [];

    public int Errors => Volatile.Read(ref _errors);

    /// <summary>Time since this client was made; the moments below are on the same clock.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public TimeSpan? LastErrorAt => Interlocked.Read(ref _lastErrorTicks) is var t and >= 0 ? TimeSpan.FromTicks(t) : null;

    /// <summary>
    /// The last failure of a silo that was up: a 5xx or a timeout. A refused connection only says that
    /// process is down (a load balancer takes it out); this says the cluster could not serve yet.
    /// </summary>
    public TimeSpan? LastServerErrorAt => Interlocked.Read(ref _lastServerErrorTicks) is var t and >= 0 ? TimeSpan.FromTicks(t) : null;

    /// <summary>The first answered request after <paramref name="moment"/>.</summary>
    public TimeSpan? FirstSuccessAfter(TimeSpan moment)
    {
        lock (_gate)
        {
            return _successes.Where(s => s > moment).Select(s => (TimeSpan?)s).FirstOrDefault();
        }
    }

    /// <summary>The answer (below 500), or null when every try failed within <paramref name="patience"/>.</summary>
    public async Task<HttpResponseMessage?> SendAsync(Func<HttpRequestMessage> request, TimeSpan patience)
    {
        var deadline = _clock.Elapsed + patience;
        while (_clock.Elapsed < deadline)
        {
            var port = httpPorts[(Interlocked.Increment(ref _next) & int.MaxValue) % httpPorts.Count];
            var message = request();
            message.RequestUri = new Uri($"http://127.0.0.1:{port}{message.RequestUri}");
            try
            {
                var response = await http.SendAsync(message);
                if ((int)response.StatusCode < 500)
                {
                    lock (_gate)
                    {
                        _successes.Add(_clock.Elapsed);
                    }

                    return response;
                }

                response.Dispose();
                Interlocked.Exchange(ref _lastServerErrorTicks, _clock.Elapsed.Ticks);
            }
            catch (TaskCanceledException)
            {
                Interlocked.Exchange(ref _lastServerErrorTicks, _clock.Elapsed.Ticks);
            }
            catch (HttpRequestException)
            {
            }

            Interlocked.Increment(ref _errors);
            Interlocked.Exchange(ref _lastErrorTicks, _clock.Elapsed.Ticks);
            await Task.Delay(100);
        }

        return null;
    }
}
