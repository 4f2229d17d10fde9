using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Warden.Abstractions.Access;

namespace Warden.Benchmarks.Scenarios;

/// <summary>
/// The HTTP facade's enforcement lookups (API key, keep-alive connections) over the entities the label
/// scenarios labelled, to compare with the same reads through the Orleans client.
/// </summary>
public static class HttpScenarios
{
    private const int Entities = 10_000;

    public static IEnumerable<Scenario> All(BenchmarkCluster cluster)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = cluster.Silo.Http.BaseAddress };
        var keyed = new Lazy<Task>(async () =>
        {
            var created = await cluster.Silo.App.Services.GetRequiredService<IGrainFactory>()
                .GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.DefaultKey).Create("bench", [ApiScopes.EnforcementRead, ApiScopes.Submit], "bench");
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Key);
        });

        foreach (var connections in new[] { 1, 64 })
        {
            yield return new Scenario($"http-verdict-read-c{connections}", "reads/s", connections, async (worker, i) =>
            {
                using var response = await http.GetAsync($"/api/v1/entities/pin:{(worker * 7919 + i) % Entities}/enforcement?surface=home_feed&explain=false");
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
            }, () => keyed.Value);
        }

        // Submit → verdict over HTTP: the same corpus texts as submit-text-c64, as JSON bodies.
        var bodies = new Lazy<string[]>(() => [.. ScoringScenarios.Texts.Value.Select(text => System.Text.Json.JsonSerializer.Serialize(new { idempotencyKey = "1", text, locale = "en" }))]);
        var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        yield return new Scenario("http-submit-c64", "items/s", 64, async (worker, i) =>
        {
            var body = bodies.Value[(int)((worker * 7919 + i) % bodies.Value.Length)];
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync($"/api/v1/entities/comment:http-{run}-{ScoringScenarios.NextSubmission()}/content", content);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }, async () =>
        {
            await keyed.Value;
            _ = bodies.Value;
        });
    }
}
