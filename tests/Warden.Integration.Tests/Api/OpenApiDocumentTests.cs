using System.Net;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;
using static Warden.Integration.Tests.Api.ApiKeyFixtures;

namespace Warden.Integration.Tests.Api;

/// <summary>The OpenAPI document is generated from the endpoints and served without a key.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OpenApiDocumentTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_document_lists_every_capabilitys_endpoints()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("api_openapi"), "api-openapi");

        var response = await silo.Http.GetAsync("/api/v1/openapi.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var document = await Json(response);
        document.GetProperty("openapi").GetString().Should().StartWith("3.");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain([
            "/api/v1/entities/{entity}/labels",
            "/api/v1/entities/{entity}/enforcement",
            "/api/v1/entities/{entity}/content",
            "/api/v1/queues",
            "/api/v1/routing",
            "/api/v1/rule-sets/{name}",
            "/api/v1/banks/{name}/import",
            "/api/v1/entities/{entity}/appeals",
            "/api/v1/entities/{entity}/strikes",
        ]);
    }
}
