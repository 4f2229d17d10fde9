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
                .GetGrain<IApiKeyRegistryGrain>("default").Create("bench", [ApiScopes.EnforcementRead], "bench");
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
    }
}
