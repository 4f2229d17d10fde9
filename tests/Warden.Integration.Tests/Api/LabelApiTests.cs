using System.Net;
using System.Text.Json;
using Warden.Abstractions.Access;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;
using static Warden.Integration.Tests.Api.ApiKeyFixtures;

namespace Warden.Integration.Tests.Api;

/// <summary>The HTTP facade's label and enforcement endpoints through a real HTTP client, on a cluster-mode host over PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LabelApiTests(PostgresFixture postgres)
{
    private const string SpamLabel = """
        { "source": { "system": "spam-model", "kind": "automated", "name": "v7" }, "enforcement": "limit", "policy": "spam",
          "createdAt": "2026-11-22T10:00:00Z", "confidence": 0.9, "evidence": "<script>alert('x')</script> \"quoted\" 🙂" }
        """;

    [Fact]
    public async Task Labels_are_written_and_enforcement_read_with_the_right_scopes_and_every_error_is_problem_json()
    {
        await using var silo = await StartAsync("api_labels", new Dictionary<string, string?> { ["Warden:Api:KeyCacheLifetime"] = "00:00:00" });
        var writer = await CreateKeyAsync(silo, "writer", ApiScopes.LabelsWrite);
        var reader = await CreateKeyAsync(silo, "reader", ApiScopes.EnforcementRead);
        var http = silo.Http;

        var written = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:1/labels", writer, SpamLabel));
        var read = await http.SendAsync(Request(HttpMethod.Get, "/api/v1/entities/pin:1/enforcement?surface=home_feed", reader));
        var verdict = await http.SendAsync(Request(HttpMethod.Get, "/api/v1/entities/pin:1/enforcement?surface=home_feed&explain=false", reader));
        var history = await http.SendAsync(Request(HttpMethod.Get, "/api/v1/entities/pin:1/history?limit=5", reader));

        written.StatusCode.Should().Be(HttpStatusCode.OK, await written.Content.ReadAsStringAsync());
        (await Json(written)).GetProperty("outcome").GetString().Should().Be("added");
        var decision = await Json(read);
        decision.GetProperty("enforcement").GetString().Should().Be("limit");
        decision.GetProperty("ranked")[0].GetProperty("label").GetProperty("evidence").GetString().Should().Be("<script>alert('x')</script> \"quoted\" 🙂");
        (await Json(verdict)).GetProperty("enforcement").GetString().Should().Be("limit");
        (await Json(history))[0].GetProperty("actor").GetString().Should().Be("key:writer");

        var anonymous = await http.SendAsync(Request(HttpMethod.Get, "/api/v1/entities/pin:1/enforcement?surface=home_feed", null));
        var garbage = await http.SendAsync(Request(HttpMethod.Get, "/api/v1/entities/pin:1/enforcement?surface=home_feed", "wdn_nothing"));
        var wrongScope = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:1/labels", reader, SpamLabel));
        await Problem(anonymous, HttpStatusCode.Unauthorized);
        await Problem(garbage, HttpStatusCode.Unauthorized);
        (await Problem(wrongScope, HttpStatusCode.Forbidden)).GetProperty("missingScope").GetString().Should().Be("labels:write");

        var invalid = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:1/labels", writer, SpamLabel.Replace("\"spam\"", "\"spma\"")));
        var unknownField = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:1/labels", writer, SpamLabel.Replace("\"policy\"", "\"surprise\": 1, \"policy\"")));
        var unknownSurface = await http.SendAsync(Request(HttpMethod.Get, "/api/v1/entities/pin:1/enforcement?surface=nowhere", reader));
        var badEntity = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/gadget:1/labels", writer, SpamLabel));
        (await Problem(invalid, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("Policy")[0].GetString().Should().Contain("spma");
        (await Problem(unknownField, HttpStatusCode.BadRequest)).GetProperty("detail").GetString().Should().Contain("surprise");
        (await Problem(unknownSurface, HttpStatusCode.BadRequest)).GetProperty("detail").GetString().Should().Contain("home_feed");
        (await Problem(badEntity, HttpStatusCode.BadRequest)).GetProperty("detail").GetString().Should().Contain("gadget");

        await Registry(silo).Revoke((await Registry(silo).List()).Single(k => k.Name == "writer").Id, "test:lead");
        await Problem(await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:1/labels", writer, SpamLabel)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Batches_write_and_read_many_entities_and_limits_answer_413_and_429()
    {
        await using var silo = await StartAsync("api_batch", new Dictionary<string, string?>
        {
            ["Warden:Api:MaxBodyBytes"] = "8192",
            ["Warden:Api:RequestsPerMinute"] = "3",
        });
        var admin = await CreateKeyAsync(silo, "ops", ApiScopes.Admin);
        var http = silo.Http;
        var batch = $$"""{ "items": [ { "entity": "pin:1", "label": {{SpamLabel}} }, { "entity": "pin:2", "label": {{SpamLabel.Replace("limit", "block")}} } ] }""";

        var written = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/labels/batch", admin, batch));
        var read = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/enforcement/batch", admin, """{ "surface": "home_feed", "entities": ["pin:1", "pin:2", "pin:3"] }"""));
        var oversize = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:4/labels", admin, SpamLabel.Replace("🙂", new string('x', 10_000))));
        var limited = await http.SendAsync(Request(HttpMethod.Get, "/api/v1/entities/pin:1/enforcement?surface=home_feed", admin));

        (await Json(written)).EnumerateArray().Select(r => r.GetProperty("outcome").GetString()).Should().Equal("added", "added");
        (await Json(read)).EnumerateArray().Select(v => v.GetProperty("enforcement").GetString()).Should().Equal("limit", "block", "allow");
        await Problem(oversize, HttpStatusCode.RequestEntityTooLarge);
        await Problem(limited, HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.Should().NotBeNull();
    }

    [Fact]
    public async Task The_warden_command_creates_lists_and_revokes_keys_and_shows_a_secret_only_once()
    {
        var database = await postgres.CreateDatabaseAsync("api_keys_cli");
        await using var silo = await LoopbackSilo.StartAsync(database, "api-keys-cli", settings: new Dictionary<string, string?> { ["Warden:Api:KeyCacheLifetime"] = "00:00:00" });
        string[] connection = ["--cluster", database, "--service-id", "api-keys-cli", "--cluster-id", "api-keys-cli"];

        var (createCode, created) = await WardenCli.RunAsync(["keys", "create", "pipeline", "--scope", "labels:write", "--scope", "enforcement:read", .. connection]);
        var (badCode, bad) = await WardenCli.RunAsync(["keys", "create", "pipeline", "--scope", "everything", .. connection]);
        var key = created.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("wdn_", StringComparison.Ordinal));
        var (_, listed) = await WardenCli.RunAsync(["keys", "list", .. connection]);

        createCode.Should().Be(0, created);
        (badCode, bad.Contains("unknown scope 'everything'")).Should().Be((1, true));
        listed.Should().Contain("pipeline").And.Contain("labels:write,enforcement:read").And.NotContain(key[17..]);
        (await silo.Http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:9/labels", key, SpamLabel))).StatusCode.Should().Be(HttpStatusCode.OK);

        var (revokeCode, _) = await WardenCli.RunAsync(["keys", "revoke", key[4..16], .. connection]);

        revokeCode.Should().Be(0);
        await Problem(await silo.Http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:9/labels", key, SpamLabel)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_remembered_key_still_refuses_a_wrong_secret_and_the_bare_endpoint_answers_only_when_enabled()
    {
        // The default cache lifetime: the key's first use is remembered, and a second secret for the same id must still fail.
        await using var silo = await StartAsync("api_key_cache", new Dictionary<string, string?> { ["Warden:BareEndpoint"] = "true" });
        var reader = await CreateKeyAsync(silo, "reader", ApiScopes.EnforcementRead);
        var forged = reader[..^1] + (reader[^1] == 'a' ? 'b' : 'a');
        const string path = "/api/v1/entities/pin:1/enforcement?surface=home_feed&explain=false";

        (await silo.Http.SendAsync(Request(HttpMethod.Get, path, reader))).StatusCode.Should().Be(HttpStatusCode.OK);
        await Problem(await silo.Http.SendAsync(Request(HttpMethod.Get, path, forged)), HttpStatusCode.Unauthorized);
        (await silo.Http.SendAsync(Request(HttpMethod.Get, path, reader))).StatusCode.Should().Be(HttpStatusCode.OK);

        // Ahead of the pipeline: no security headers, no authentication; other methods and paths pass on.
        var bare = await silo.Http.GetAsync("/bare");
        (bare.StatusCode, await bare.Content.ReadAsStringAsync()).Should().Be((HttpStatusCode.OK, "ok"));
        bare.Headers.Contains("Content-Security-Policy").Should().BeFalse();
        (await silo.Http.PostAsync("/bare", null)).StatusCode.Should().NotBe(HttpStatusCode.OK);

        await using var plain = await StartAsync("api_no_bare", new Dictionary<string, string?>());
        (await plain.Http.GetAsync("/bare")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<LoopbackSilo> StartAsync(string database, IReadOnlyDictionary<string, string?> settings) =>
        await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync(database), database.Replace('_', '-'), settings: settings);
}
