using System.Net;
using System.Text.Json;
using Warden.Abstractions.Access;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;
using static Warden.Integration.Tests.Api.ApiKeyFixtures;

namespace Warden.Integration.Tests.Api;

/// <summary>Queue administration, routing and dead letters over HTTP, on a cluster-mode host over PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class QueueApiTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Leads_save_and_read_versioned_queue_configs_and_routing_over_http()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("api_queues"), "api-queues");
        var lead = await CreateKeyAsync(silo, "lead", ApiScopes.QueuesAdmin);
        var reviewer = await CreateKeyAsync(silo, "reviewer", ApiScopes.Review);
        var http = silo.Http;
        string Sample(string name) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "queues", name + ".json"));

        var created = await http.SendAsync(Request(HttpMethod.Put, "/api/v1/queues/spam-en/config?expectedVersion=0", lead, Sample("spam")));
        var stale = await http.SendAsync(Request(HttpMethod.Put, "/api/v1/queues/spam-en/config?expectedVersion=0", lead, Sample("spam")));
        var invalid = await http.SendAsync(Request(HttpMethod.Put, "/api/v1/queues/spam-en/config?expectedVersion=1", lead, Sample("spam").Replace("\"spam-reviewers\"", "\"Spam Reviewers!\"")));
        var noVersion = await http.SendAsync(Request(HttpMethod.Put, "/api/v1/queues/spam-en/config", lead, Sample("spam")));
        await http.SendAsync(Request(HttpMethod.Put, "/api/v1/queues/escalations/config?expectedVersion=0", lead, Sample("escalations")));

        (await Json(created)).GetProperty("version").GetInt32().Should().Be(1);
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Json(invalid)).GetProperty("errors").GetProperty("ReviewerGroups")[0].GetString().Should().Contain("Spam Reviewers!");
        noVersion.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var config = await Json(await http.SendAsync(Request(HttpMethod.Get, "/api/v1/queues/spam-en/config", lead)));
        config.GetProperty("multiReview").GetProperty("rule").GetString().Should().Be("unanimous");
        (await http.SendAsync(Request(HttpMethod.Get, "/api/v1/queues/spam-en/config?version=7", lead))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var firstPage = await Json(await http.SendAsync(Request(HttpMethod.Get, "/api/v1/queues?limit=1", lead)));
        var secondPage = await Json(await http.SendAsync(Request(HttpMethod.Get, "/api/v1/queues?offset=1&limit=1", lead)));
        (firstPage.GetProperty("items")[0].GetProperty("id").GetString(), firstPage.GetProperty("next").GetInt32()).Should().Be(("escalations", 1));
        secondPage.GetProperty("items")[0].GetProperty("id").GetString().Should().Be("spam-en");
        secondPage.TryGetProperty("next", out _).Should().BeFalse();
        (await Json(await http.SendAsync(Request(HttpMethod.Get, "/api/v1/queues/spam-en/metrics", lead)))).GetProperty("depth").GetInt32().Should().Be(0);
        (await Json(await http.SendAsync(Request(HttpMethod.Get, "/api/v1/queues/spam-en/versions", lead))))[0].GetProperty("savedBy").GetString().Should().Be("key:lead");

        var routing = await http.SendAsync(Request(HttpMethod.Put, "/api/v1/routing?expectedVersion=0", lead,
            """{ "rules": [ { "queue": "spam-en", "policy": "spam", "minScore": 0.5 } ], "defaultQueue": "escalations" }"""));
        (await Json(routing)).GetProperty("version").GetInt32().Should().Be(1);
        (await http.SendAsync(Request(HttpMethod.Put, "/api/v1/routing?expectedVersion=0", lead, """{ "rules": [] }"""))).StatusCode.Should().Be(HttpStatusCode.Conflict);

        (await http.SendAsync(Request(HttpMethod.Get, "/api/v1/queues", reviewer))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await http.SendAsync(Request(HttpMethod.Get, "/api/v1/actions/dead-letters", lead))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Operators_page_through_dead_letters_and_an_unknown_retry_is_404()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("api_dead_letters"), "api-dead-letters");
        var admin = await CreateKeyAsync(silo, "ops", ApiScopes.Admin);

        var page = await Json(await silo.Http.SendAsync(Request(HttpMethod.Get, "/api/v1/actions/dead-letters?limit=10", admin)));
        var badLimit = await silo.Http.SendAsync(Request(HttpMethod.Get, "/api/v1/actions/dead-letters?limit=5000", admin));
        var retry = await silo.Http.SendAsync(Request(HttpMethod.Post, "/api/v1/actions/dead-letters/retry?key=job-1/item/remove", admin));

        page.GetProperty("items").GetArrayLength().Should().Be(0);
        badLimit.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        retry.StatusCode.Should().Be(HttpStatusCode.NotFound);
        retry.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().Be(response.StatusCode != HttpStatusCode.BadRequest, body);
        return JsonDocument.Parse(body).RootElement;
    }
}
