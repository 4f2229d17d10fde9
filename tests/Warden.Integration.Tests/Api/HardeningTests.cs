using Warden.Abstractions.Scoring;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Warden.Abstractions.Access;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Reviews;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;
using static Warden.Integration.Tests.Api.ApiKeyFixtures;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Api;

/// <summary>What an attacker tried against the facade: cross-site bodies, reserved sources, other groups' jobs, password guessing, unreadable parameters.</summary>
[Collection(PostgresCollection.Name)]
public sealed class HardeningTests(PostgresFixture postgres)
{
    private const string Password = "a long enough passphrase";
    private const string Label = """{ "source": { "system": "spam-model", "kind": "automated", "name": "v7" }, "enforcement": "limit", "policy": "spam", "createdAt": "2026-11-22T10:00:00Z" }""";

    [Fact]
    public async Task Json_endpoints_refuse_other_media_types_and_api_sign_in_sets_no_cookie()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("harden_media"), "harden-media");
        var accounts = silo.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.DefaultKey);
        (await accounts.Create("mallory", Password, [AccountRoles.Reviewer], [], "test")).Errors.Should().BeEmpty();
        var writer = await CreateKeyAsync(silo, "writer", ApiScopes.LabelsWrite);
        var body = $$"""{ "username": "mallory", "password": "{{Password}}" }""";

        foreach (var type in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded" })
        {
            var crossSite = await silo.Http.PostAsync("/api/v1/sessions", new StringContent(body, Encoding.UTF8, type));
            (await Problem(crossSite, HttpStatusCode.UnsupportedMediaType)).GetProperty("detail").GetString().Should().Contain("application/json");
            crossSite.Headers.Contains("Set-Cookie").Should().BeFalse();
        }

        var untyped = new HttpRequestMessage(HttpMethod.Post, "/api/v1/entities/pin:1/labels") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Label)), Headers = { Authorization = new("Bearer", writer) } };
        await Problem(await silo.Http.SendAsync(untyped), HttpStatusCode.UnsupportedMediaType);

        var signedIn = await silo.Http.SendAsync(Request(HttpMethod.Post, "/api/v1/sessions", null, body));
        signedIn.StatusCode.Should().Be(HttpStatusCode.OK);
        signedIn.Headers.Contains("Set-Cookie").Should().BeFalse("the API hands out a bearer token, never a browser cookie");
    }

    [Fact]
    public async Task Reserved_sources_bad_parameters_and_null_items_are_clean_refusals()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("harden_errors"), "harden-errors");
        var writer = await CreateKeyAsync(silo, "writer", ApiScopes.LabelsWrite);
        var reader = await CreateKeyAsync(silo, "reader", ApiScopes.EnforcementRead, ApiScopes.QueuesAdmin, ApiScopes.Review);
        var admin = await CreateKeyAsync(silo, "admin", ApiScopes.Admin);
        var http = silo.Http;
        var overturn = Label.Replace("\"spam-model\"", "\"appeals\"").Replace("\"automated\"", "\"human\"");

        (await Problem(await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:1/labels", writer, overturn)), HttpStatusCode.Forbidden))
            .GetProperty("detail").GetString().Should().Contain("'appeals'");
        await Problem(await http.SendAsync(Request(HttpMethod.Delete, "/api/v1/entities/pin:1/labels?system=warden-review&kind=Human&name=spam-en", writer)), HttpStatusCode.Forbidden);
        await Problem(await http.SendAsync(Request(HttpMethod.Post, "/api/v1/labels/batch", writer, $$"""{ "items": [ { "entity": "pin:2", "label": {{overturn.Replace("appeals", "Warden-Scoring")}} } ] }""")), HttpStatusCode.Forbidden);
        (await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:1/labels", admin, overturn))).StatusCode.Should().Be(HttpStatusCode.OK, "admins own every source");
        (await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:1/labels", writer, Label))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await Problem(await http.SendAsync(Request(HttpMethod.Post, "/api/v1/labels/batch", writer, """{ "items": [null] }""")), HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("Items[0]", out _).Should().BeTrue();
        foreach (var (path, parameter) in new[]
        {
            ("/api/v1/queues?limit=abc", "limit"),
            ("/api/v1/queues?limit=2147483648", "limit"),
            ("/api/v1/entities/pin:1/enforcement?surface=home_feed&explain=maybe", "explain"),
            ("/api/v1/entities/pin:1/enforcement", "surface"),
        })
        {
            (await Problem(await http.SendAsync(Request(HttpMethod.Get, path, reader)), HttpStatusCode.BadRequest))
                .GetProperty("errors").TryGetProperty(parameter, out _).Should().BeTrue($"{path} names '{parameter}'");
        }

        await Problem(await http.SendAsync(Request(HttpMethod.Get, "/api/v1/jobs/nope", reader)), HttpStatusCode.NotFound);
        (await http.SendAsync(Request(HttpMethod.Get, "/metrics", admin))).StatusCode.Should().Be(HttpStatusCode.OK, "admins may read metrics, as the README says");
    }

    [Theory]
    [InlineData("pin:a/b")]
    [InlineData("pin:a%2Fb")]
    [InlineData("pin:x?y=1#z")]
    public async Task An_entity_key_escaped_as_one_segment_reaches_that_entity(string entity)
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("harden_keys"), "harden-keys");
        var key = await CreateKeyAsync(silo, "writer", ApiScopes.LabelsWrite, ApiScopes.EnforcementRead);
        var path = "/api/v1/entities/" + Uri.EscapeDataString(entity);

        (await silo.Http.SendAsync(Request(HttpMethod.Post, path + "/labels", key, Label))).StatusCode.Should().Be(HttpStatusCode.OK);

        var stored = await silo.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IEntityGrain>(entity).GetLabels();
        stored.Live.Should().ContainSingle("the label went to {0}, not to a key with its escapes left in", entity);
        var read = await Json(await silo.Http.SendAsync(Request(HttpMethod.Get, path + "/enforcement?surface=home_feed", key)));
        read.GetProperty("enforcement").GetString().Should().Be("limit");
    }

    [Fact]
    public async Task A_job_is_read_only_by_its_queues_groups_and_leads()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("harden_jobs"), "harden-jobs");
        var grains = silo.App.Services.GetRequiredService<IGrainFactory>();
        var queue = await SaveAsync(grains, Sample("spam"));
        var png = TestImages.Encode(TestImages.Scene(3, 64, 64));
        var submitted = await grains.Content("pin:secret", "photo-1").Submit(new Warden.Abstractions.Scoring.ContentSubmission
        {
            IdempotencyKey = "photo-1",
            Images = [new Warden.Abstractions.Scoring.SubmittedImage(png, "photo.png")],
            Actor = "test",
        });
        submitted.Errors.Should().BeEmpty();
        var job = (await queue.Enqueue(Job("harden:1", "pin:secret", owner: "user:7"))).JobId!;
        var accounts = grains.GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.DefaultKey);
        (await accounts.Create("ann", Password, [AccountRoles.Reviewer], ["spam-reviewers"], "test")).Errors.Should().BeEmpty();
        (await accounts.Create("eve", Password, [AccountRoles.Reviewer], ["art-reviewers"], "test")).Errors.Should().BeEmpty();
        (await accounts.Create("operator", Password, [AccountRoles.Operator], [], "test")).Errors.Should().BeEmpty();
        var ann = await SignInAsync(silo.Http, "ann");
        var eve = await SignInAsync(silo.Http, "eve");

        (await silo.Http.SendAsync(Request(HttpMethod.Get, $"/api/v1/jobs/{job}", ann))).StatusCode.Should().Be(HttpStatusCode.OK);
        await Problem(await silo.Http.SendAsync(Request(HttpMethod.Get, $"/api/v1/jobs/{job}", eve)), HttpStatusCode.Forbidden);
        await Problem(await silo.Http.SendAsync(Request(HttpMethod.Get, $"/api/v1/jobs/{job}?explain=true", eve)), HttpStatusCode.Forbidden);

        // The job's image: to its queue's reviewers only, and only the content the job holds.
        var media = $"/ui/media?job={Uri.EscapeDataString(job)}&entity=pin:secret&key=photo-1&index=0";
        var shown = await silo.Http.SendAsync(Request(HttpMethod.Get, media, ann));
        shown.StatusCode.Should().Be(HttpStatusCode.OK);
        shown.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        (await silo.Http.SendAsync(Request(HttpMethod.Get, media, eve))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await silo.Http.SendAsync(Request(HttpMethod.Get, media.Replace("photo-1", "photo-2"), ann))).StatusCode.Should().Be(HttpStatusCode.NotFound, "only content the job holds");
        (await silo.Http.SendAsync(Request(HttpMethod.Get, "/ui/media?entity=pin:secret&key=photo-1&index=0", ann))).StatusCode.Should().Be(HttpStatusCode.BadRequest, "an image is served as part of a job");
        (await silo.Http.SendAsync(Request(HttpMethod.Delete, "/api/v1/sessions", await SignInAsync(silo.Http, "operator")))).StatusCode
            .Should().Be(HttpStatusCode.NoContent, "anyone signed in may end their own session");
    }

    [Fact]
    public async Task Password_guessing_locks_the_name_and_the_address_is_rate_limited()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("harden_guess"), "harden-guess",
            settings: new Dictionary<string, string?> { ["Warden:Api:SignInsPerMinute"] = "12" });
        var accounts = silo.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.DefaultKey);
        (await accounts.Create("victim", Password, [AccountRoles.Reviewer], [], "test")).Errors.Should().BeEmpty();

        foreach (var name in new[] { "victim", "nobody" })
        {
            for (var i = 0; i < 5; i++)
            {
                (await Attempt(silo.Http, name, "wrong guess " + i)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            }

            var locked = await Attempt(silo.Http, name, Password);
            (await Problem(locked, HttpStatusCode.TooManyRequests)).GetProperty("detail").GetString().Should().Contain("Too many failed sign-ins for this username", name);
            locked.Headers.RetryAfter.Should().NotBeNull("a known and an unknown name lock alike: a lockout reveals no account");
        }

        var limited = await Attempt(silo.Http, "someone", "x");
        (await Problem(limited, HttpStatusCode.TooManyRequests)).GetProperty("detail").GetString().Should().Contain("sign-ins a minute", "the 13th attempt from one address within a minute");
    }

    [Fact]
    public async Task Submissions_with_repeated_parts_a_nul_in_a_name_or_a_cut_body_are_400_naming_the_field()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("harden_submit"), "harden-submit");
        var key = await CreateKeyAsync(silo, "feed", ApiScopes.Submit);
        var png = TestImages.Encode(TestImages.Scene(1, 64, 64));

        var repeated = new MultipartFormDataContent { { new StringContent("k1"), "idempotencyKey" }, { new StringContent("one"), "text" }, { new StringContent("two"), "text" } };
        (await Problem(await silo.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/entities/pin:1/content") { Content = repeated, Headers = { Authorization = new("Bearer", key) } }), HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("text", out _).Should().BeTrue();

        var nul = System.Text.Json.JsonSerializer.Serialize(new { idempotencyKey = "k2", images = new[] { new { name = "a\u0000b.png", data = png } } });
        (await Problem(await silo.Http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:2/content", key, nul)), HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("Images[0].Name", out _).Should().BeTrue();

        const string boundary = "cut-here";
        var cut = new StringContent($"--{boundary}\r\nContent-Disposition: form-data; name=\"idempotencyKey\"\r\n\r\nk3\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nunfinish", Encoding.UTF8);
        cut.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        await Problem(await silo.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/entities/pin:3/content") { Content = cut, Headers = { Authorization = new("Bearer", key) } }), HttpStatusCode.BadRequest);
    }

    private static Task<HttpResponseMessage> Attempt(HttpClient http, string username, string password) =>
        http.SendAsync(Request(HttpMethod.Post, "/api/v1/sessions", null, System.Text.Json.JsonSerializer.Serialize(new { username, password })));

    private static async Task<string> SignInAsync(HttpClient http, string username)
    {
        var response = await Attempt(http, username, Password);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await Json(response)).GetProperty("token").GetString()!;
    }
}
