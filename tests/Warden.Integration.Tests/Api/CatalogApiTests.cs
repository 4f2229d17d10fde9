using System.Net;
using System.Text.Json.Nodes;
using Warden.Abstractions.Access;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;
using static Warden.Integration.Tests.Api.ApiKeyFixtures;

namespace Warden.Integration.Tests.Api;

/// <summary>The policy catalog and its surfaces over HTTP: read with enforcement:read, changed by admins with versions.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CatalogApiTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_catalog_is_read_paged_and_changed_with_versions()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("api_catalog"), "api-catalog");
        var reader = await CreateKeyAsync(silo, "reader", ApiScopes.EnforcementRead);
        var admin = await CreateKeyAsync(silo, "ops", ApiScopes.Admin);
        var http = silo.Http;

        var catalog = JsonNode.Parse(await (await http.SendAsync(Request(HttpMethod.Get, "/api/v1/catalog", reader))).Content.ReadAsStringAsync())!.AsObject();
        var surfaces = await Json(await http.SendAsync(Request(HttpMethod.Get, "/api/v1/catalog/surfaces?limit=2", reader)));
        var version = catalog["version"]!.GetValue<int>();
        catalog["surfaces"]!.AsArray().Add(JsonNode.Parse("""{ "name": "related_pins", "freshnessHalfLife": "7.00:00:00" }"""));
        var updated = await http.SendAsync(Request(HttpMethod.Put, $"/api/v1/catalog?expectedVersion={version}", admin, catalog.ToJsonString()));
        var stale = await http.SendAsync(Request(HttpMethod.Put, $"/api/v1/catalog?expectedVersion={version}", admin, catalog.ToJsonString()));
        var byReader = await http.SendAsync(Request(HttpMethod.Put, $"/api/v1/catalog?expectedVersion={version + 1}", reader, catalog.ToJsonString()));
        catalog["policies"] = new JsonArray();
        var invalid = await http.SendAsync(Request(HttpMethod.Put, $"/api/v1/catalog?expectedVersion={version + 1}", admin, catalog.ToJsonString()));

        catalog["entityTypes"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Contain("pin");
        surfaces.GetProperty("items").GetArrayLength().Should().Be(2);
        surfaces.GetProperty("next").GetInt32().Should().Be(2);
        updated.StatusCode.Should().Be(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        (await Json(updated)).GetProperty("version").GetInt32().Should().Be(version + 1);
        await Problem(stale, HttpStatusCode.Conflict);
        (await Problem(byReader, HttpStatusCode.Forbidden)).GetProperty("missingScope").GetString().Should().Be("admin");
        (await Problem(invalid, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Policies", out _).Should().BeTrue();
        (await http.SendAsync(Request(HttpMethod.Get, "/api/v1/entities/pin:1/enforcement?surface=related_pins", reader))).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
