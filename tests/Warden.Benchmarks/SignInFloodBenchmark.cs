using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Warden.Abstractions.Access;

namespace Warden.Benchmarks;

/// <summary>
/// A signed-in person's requests while 8 anonymous clients guess another account's password as fast as
/// they can: the person's latency idle and under the flood (p50/p99, same run), and what the flood got.
/// </summary>
public static class SignInFloodBenchmark
{
    private const string Password = "the person's own passphrase";
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(10);

    public sealed record Result(double IdleP50Ms, double IdleP99Ms, double FloodP50Ms, double FloodP99Ms, int Guesses, int Refused429, int Refused401);

    public static async Task<Result> RunAsync(BenchmarkCluster cluster)
    {
        var accounts = cluster.Client.Grains.GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.DefaultKey);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await accounts.Create($"person-{suffix}", Password, [AccountRoles.Lead], [], "bench");
        await accounts.Create($"target-{suffix}", Password, [AccountRoles.Reviewer], [], "bench");
        var http = cluster.Silo.Http;
        using var signIn = await http.PostAsync("/api/v1/sessions", Json($"person-{suffix}", Password));
        var token = System.Text.Json.JsonDocument.Parse(await signIn.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;

        var idle = await MeasureAsync(http, token, Phase);
        using var stop = new CancellationTokenSource(Phase);
        int guesses = 0, locked = 0, wrong = 0;
        var flood = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            using var attacker = new HttpClient { BaseAddress = http.BaseAddress };
            while (!stop.IsCancellationRequested)
            {
                using var answer = await attacker.PostAsync("/api/v1/sessions", Json($"target-{suffix}", $"guess {i} {Interlocked.Increment(ref guesses)}"));
                _ = answer.StatusCode switch
                {
                    HttpStatusCode.TooManyRequests => Interlocked.Increment(ref locked),
                    HttpStatusCode.Unauthorized => Interlocked.Increment(ref wrong),
                    _ => 0,
                };
            }
        })).ToList();
        var underFlood = await MeasureAsync(http, token, Phase);
        await Task.WhenAll(flood);
        return new Result(Percentile(idle, 50), Percentile(idle, 99), Percentile(underFlood, 50), Percentile(underFlood, 99), guesses, locked, wrong);
    }

    private static async Task<List<double>> MeasureAsync(HttpClient http, string token, TimeSpan duration)
    {
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/queues") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
            await Task.Delay(20);
        }

        latencies.Sort();
        return latencies;
    }

    private static StringContent Json(string username, string password) =>
        new(System.Text.Json.JsonSerializer.Serialize(new { username, password }), Encoding.UTF8, "application/json");

    private static double Percentile(List<double> sorted, double percentile) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1)], 2);
}
