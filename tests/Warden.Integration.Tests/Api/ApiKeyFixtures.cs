using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Warden.Abstractions.Access;
using Warden.Testing;

namespace Warden.Integration.Tests.Api;

internal static class ApiKeyFixtures
{
    public static async Task<string> CreateKeyAsync(LoopbackSilo silo, string name, params string[] scopes)
    {
        var created = await Registry(silo).Create(name, scopes, "test:setup");
        created.Errors.Should().BeEmpty();
        return created.Key!;
    }

    public static IApiKeyRegistryGrain Registry(LoopbackSilo silo) =>
        silo.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IApiKeyRegistryGrain>("default");

    public static HttpRequestMessage Request(HttpMethod method, string path, string? key, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }
}
