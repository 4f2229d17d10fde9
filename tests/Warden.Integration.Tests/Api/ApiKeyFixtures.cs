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
        silo.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.DefaultKey);

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

    public static async Task<System.Text.Json.JsonElement> Json(HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>Asserts a problem+json answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<System.Text.Json.JsonElement> Problem(HttpResponseMessage response, System.Net.HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement;
    }
}
