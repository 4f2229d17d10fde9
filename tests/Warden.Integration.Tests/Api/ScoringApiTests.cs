using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Warden.Abstractions.Access;
using Warden.Integration.Tests.Infrastructure;
using Warden.Integration.Tests.Scoring;
using Warden.Testing;
using static Warden.Integration.Tests.Api.ApiKeyFixtures;

namespace Warden.Integration.Tests.Api;

/// <summary>Content submission (JSON and multipart) and scoring administration through the HTTP facade.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ScoringApiTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Content_is_submitted_as_json_or_multipart_and_read_back_with_its_verdict()
    {
        await using var silo = await StartAsync("api_submit", new Dictionary<string, string?> { ["Warden:Api:MaxSubmissionBytes"] = "400000" });
        var submitter = await CreateKeyAsync(silo, "feed", ApiScopes.Submit);
        var reader = await CreateKeyAsync(silo, "reader", ApiScopes.EnforcementRead);
        var http = silo.Http;
        var spam = JsonSerializer.Serialize(new { idempotencyKey = "a1", text = ScoringFixtures.ClearSpam, author = "user:9", locale = "en" });

        var submitted = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/comment:1/content", submitter, spam));
        var again = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/comment:1/content", submitter, spam));
        var read = await http.SendAsync(Request(HttpMethod.Get, "/api/v1/entities/comment:1/content/a1", submitter));
        var enforcement = await http.SendAsync(Request(HttpMethod.Get, "/api/v1/entities/comment:1/enforcement?surface=home_feed", reader));

        submitted.StatusCode.Should().Be(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        var body = await Json(submitted);
        body.GetProperty("status").GetString().Should().Be("labelled");
        body.GetProperty("verdict").GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "spam")
            .GetProperty("decision").GetString().Should().Be("block");
        (await Json(again)).GetProperty("duplicate").GetBoolean().Should().BeTrue();
        (await Json(read)).GetProperty("text").GetString().Should().Be(ScoringFixtures.ClearSpam);
        (await Json(enforcement)).GetProperty("enforcement").GetString().Should().Be("block");

        using var image = TestImages.Scene(3);
        var png = TestImages.Encode(image);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("m1"), "idempotencyKey" },
            { new StringContent("look at this"), "text" },
            { new ByteArrayContent(png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "images", "scene.png" },
        };
        var multipart = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/entities/pin:2/content") { Content = form, Headers = { Authorization = new("Bearer", submitter) } });
        multipart.StatusCode.Should().Be(HttpStatusCode.OK, await multipart.Content.ReadAsStringAsync());
        var stored = (await Json(multipart)).GetProperty("images")[0];
        stored.GetProperty("bytes").GetInt32().Should().Be(png.Length);
        stored.GetProperty("sha256").GetString().Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)));

        var invalid = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:3/content", submitter, """{ "idempotencyKey": "", "images": [{ "name": "x" }] }"""));
        var unknown = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:3/content", submitter, """{ "idempotencyKey": "k", "text": "hi", "mood": "bad" }"""));
        var notImage = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:3/content", submitter, """{ "idempotencyKey": "k", "images": [{ "data": "PHN2Zz48L3N2Zz4=" }] }"""));
        var wrongScope = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:3/content", reader, spam));
        var oversize = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:3/content", submitter,
            JsonSerializer.Serialize(new { idempotencyKey = "big", images = new[] { new { data = new byte[500_000] } } })));
        var missing = await http.SendAsync(Request(HttpMethod.Get, "/api/v1/entities/pin:3/content/nope", submitter));

        (await Problem(invalid, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Images[0].Data", out _).Should().BeTrue();
        await Problem(unknown, HttpStatusCode.BadRequest);
        (await Problem(notImage, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Images[0]", out _).Should().BeTrue();
        (await Problem(wrongScope, HttpStatusCode.Forbidden)).GetProperty("missingScope").GetString().Should().Be("submit");
        await Problem(oversize, HttpStatusCode.RequestEntityTooLarge);
        await Problem(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Rule_sets_and_banks_are_administered_with_versions()
    {
        await using var silo = await StartAsync("api_scoring_admin", new Dictionary<string, string?>());
        var admin = await CreateKeyAsync(silo, "ops", ApiScopes.Admin);
        var submitter = await CreateKeyAsync(silo, "feed", ApiScopes.Submit);
        var http = silo.Http;
        const string Rules = """{ "name": "pharma", "policy": "spam", "keywords": ["viagra"], "weight": 0.9 }""";

        var created = await http.SendAsync(Request(HttpMethod.Put, "/api/v1/rule-sets/pharma?expectedVersion=0", admin, Rules));
        var stale = await http.SendAsync(Request(HttpMethod.Put, "/api/v1/rule-sets/pharma?expectedVersion=0", admin, Rules));
        var invalid = await http.SendAsync(Request(HttpMethod.Put, "/api/v1/rule-sets/pharma?expectedVersion=1", admin, Rules.Replace("\"spam\"", "\"spma\"")));
        var mismatch = await http.SendAsync(Request(HttpMethod.Put, "/api/v1/rule-sets/other", admin, Rules));
        var bank = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/banks/known-bad/import", admin,
            $$"""{ "policy": "porn", "entries": [{ "kind": "pdq", "hash": "{{new string('0', 64)}}", "label": "case 1" }] }"""));
        var forbidden = await http.SendAsync(Request(HttpMethod.Put, "/api/v1/rule-sets/pharma?expectedVersion=1", submitter, Rules));
        var config = await http.SendAsync(Request(HttpMethod.Get, "/api/v1/scoring", admin));

        created.StatusCode.Should().Be(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        await Problem(stale, HttpStatusCode.Conflict);
        (await Problem(invalid, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Policy", out _).Should().BeTrue();
        await Problem(mismatch, HttpStatusCode.BadRequest);
        bank.StatusCode.Should().Be(HttpStatusCode.OK, await bank.Content.ReadAsStringAsync());
        (await Problem(forbidden, HttpStatusCode.Forbidden)).GetProperty("missingScope").GetString().Should().Be("admin");
        var snapshot = await Json(config);
        snapshot.GetProperty("ruleSets")[0].GetProperty("version").GetInt32().Should().Be(1);
        snapshot.GetProperty("banks")[0].GetProperty("pdqCount").GetInt32().Should().Be(1);

        var badModel = await http.SendAsync(Request(HttpMethod.Put, "/api/v1/scoring/text-model", admin, """{ "livePath": "/nowhere/model.onnx" }"""));
        var model = await http.SendAsync(Request(HttpMethod.Put, "/api/v1/scoring/text-model", admin, JsonSerializer.Serialize(new { livePath = TrainedModels.SpamModelPath, shadowPath = TrainedModels.SpamModelPath })));
        var promoted = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/scoring/text-model/promote", admin));
        var promotedAgain = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/scoring/text-model/promote", admin));
        var removed = await http.SendAsync(Request(HttpMethod.Delete, "/api/v1/rule-sets/pharma", admin));
        var removedAgain = await http.SendAsync(Request(HttpMethod.Delete, "/api/v1/rule-sets/pharma", admin));

        (await Problem(badModel, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("LivePath", out _).Should().BeTrue();
        model.StatusCode.Should().Be(HttpStatusCode.OK, await model.Content.ReadAsStringAsync());
        promoted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Problem(promotedAgain, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("ShadowPath", out _).Should().BeTrue();
        removed.StatusCode.Should().Be(HttpStatusCode.OK);
        await Problem(removedAgain, HttpStatusCode.BadRequest);
        (await Json(await http.SendAsync(Request(HttpMethod.Get, "/api/v1/scoring", admin)))).GetProperty("ruleSets").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Every_naughty_string_as_content_text_label_evidence_removal_reason_or_queue_name_is_stored_exactly_or_refused_never_a_500()
    {
        await using var silo = await StartAsync("api_blns", new Dictionary<string, string?> { ["Warden:Api:RequestsPerMinute"] = "100000" });
        var key = await CreateKeyAsync(silo, "blns", ApiScopes.Submit, ApiScopes.LabelsWrite, ApiScopes.EnforcementRead, ApiScopes.QueuesAdmin);
        var queueConfig = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "samples", "queues", "spam.json")))!.AsObject();
        var http = silo.Http;
        var strings = JsonSerializer.Deserialize<string[]>(await File.ReadAllTextAsync(Path.Combine(Warden.Scoring.ScoringAssets.Locate(), "blns", "resources", "blns.json")))!;
        strings.Length.Should().BeGreaterThan(400);
        int stored = 0, refused = 0;
        for (var i = 0; i < strings.Length; i++)
        {
            var text = strings[i];
            var submitted = await http.SendAsync(Request(HttpMethod.Post, $"/api/v1/entities/comment:blns-{i}/content", key, JsonSerializer.Serialize(new { idempotencyKey = "k", text })));
            var label = await http.SendAsync(Request(HttpMethod.Post, $"/api/v1/entities/pin:blns-{i}/labels", key, JsonSerializer.Serialize(new
            {
                source = new { system = "blns", kind = "automated", name = "v1" },
                enforcement = "limit",
                policy = "spam",
                createdAt = "2026-11-22T10:00:00Z",
                evidence = text,
            })));
            queueConfig["id"] = $"blns-{i}";
            queueConfig["name"] = text;
            var queue = await http.SendAsync(Request(HttpMethod.Put, $"/api/v1/queues/blns-{i}/config?expectedVersion=0", key, queueConfig.ToJsonString()));
            foreach (var (response, what) in new[] { (submitted, "content"), (label, "label"), (queue, "queue name") })
            {
                ((int)response.StatusCode).Should().BeOneOf([200, 400], $"{what} #{i} {JsonSerializer.Serialize(text)}: {await response.Content.ReadAsStringAsync()}");
            }

            if (submitted.StatusCode == HttpStatusCode.OK)
            {
                stored++;
                var back = await Json(await http.SendAsync(Request(HttpMethod.Get, $"/api/v1/entities/comment:blns-{i}/content/k", key)));
                back.GetProperty("text").GetString().Should().Be(text, $"content #{i} comes back byte for byte");
            }
            else
            {
                refused++;
            }

            if (queue.StatusCode == HttpStatusCode.OK)
            {
                var saved = await Json(await http.SendAsync(Request(HttpMethod.Get, $"/api/v1/queues/blns-{i}/config", key)));
                saved.GetProperty("name").GetString().Should().Be(text, $"queue name #{i} comes back byte for byte");
            }

            if (label.StatusCode == HttpStatusCode.OK)
            {
                var explained = await Json(await http.SendAsync(Request(HttpMethod.Get, $"/api/v1/entities/pin:blns-{i}/enforcement?surface=home_feed", key)));
                explained.GetProperty("ranked")[0].GetProperty("label").GetProperty("evidence").GetString().Should().Be(text, $"evidence #{i} comes back byte for byte");

                // The same string as the reason for removing the label.
                var removed = await http.SendAsync(Request(HttpMethod.Delete, $"/api/v1/entities/pin:blns-{i}/labels?system=blns&kind=automated&name=v1&reason={Uri.EscapeDataString(text)}", key));
                ((int)removed.StatusCode).Should().BeOneOf([200, 400], $"reason #{i}: {await removed.Content.ReadAsStringAsync()}");
                if (removed.StatusCode == HttpStatusCode.OK && text.Length > 0)
                {
                    var history = await Json(await http.SendAsync(Request(HttpMethod.Get, $"/api/v1/entities/pin:blns-{i}/history?limit=1", key)));
                    history[0].GetProperty("reason").GetString().Should().Be(text, $"reason #{i} comes back byte for byte");
                }
            }
        }

        stored.Should().BeGreaterThan(strings.Length * 9 / 10, "only empty and unstorable strings are refused");
        refused.Should().BeGreaterThan(0, "the empty string is not content");
    }

    private async Task<LoopbackSilo> StartAsync(string database, Dictionary<string, string?> settings)
    {
        settings["Warden:Scoring:TextModel"] = TrainedModels.SpamModelPath;
        return await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync(database), database.Replace('_', '-'), settings: settings);
    }
}
