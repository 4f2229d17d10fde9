using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;
using static Warden.Integration.Tests.Api.ApiKeyFixtures;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Api;

/// <summary>People's accounts: the first admin by command, sessions, and queue groups enforced on every HTTP job call.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AccountApiTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Reviewers_sign_in_and_only_those_in_a_queues_groups_lease_and_decide_over_http()
    {
        var database = await postgres.CreateDatabaseAsync("api_accounts");
        await using var silo = await LoopbackSilo.StartAsync(database, "api-accounts");
        string[] connection = ["--cluster", database, "--service-id", "api-accounts", "--cluster-id", "api-accounts"];
        var http = silo.Http;

        var (adminCode, adminOutput) = await WardenCli.RunAsync(["accounts", "create-admin", "root", "--password", "correct horse battery", .. connection]);
        var (againCode, againOutput) = await WardenCli.RunAsync(["accounts", "create-admin", "root2", "--password", "correct horse battery", .. connection]);
        adminCode.Should().Be(0, adminOutput);
        (againCode, againOutput.Contains("an admin exists already")).Should().Be((1, true));

        var admin = await SignInAsync(http, "root", "correct horse battery");
        var created = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/accounts", admin, """{ "username": "ann", "password": "a kettle that whistles", "roles": ["reviewer"], "groups": ["spam-reviewers"] }"""));
        await http.SendAsync(Request(HttpMethod.Post, "/api/v1/accounts", admin, """{ "username": "eve", "password": "quiet tuesday morning", "roles": ["reviewer"], "groups": ["art-reviewers"] }"""));
        var weak = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/accounts", admin, """{ "username": "Bad Name", "password": "short", "roles": ["overlord"] }"""));
        created.StatusCode.Should().Be(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        (await Problem(weak, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(["Username", "Password", "Roles"]);
        foreach (var (password, why) in new[] { ("Password1234!", "commonest"), ("qwertyuiop1234", "commonest"), ("mallory-2026-spring", "username") })
        {
            var refused = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/accounts", admin, JsonSerializer.Serialize(new { username = "mallory", password, roles = new[] { "reviewer" } })));
            (await Problem(refused, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("Password")[0].GetString().Should().Contain(why, "the shipped list of common passwords is loaded and the username is checked");
        }

        (await Problem(await http.SendAsync(Request(HttpMethod.Post, "/api/v1/sessions", null, """{ "username": "ann", "password": "wrong password!!" }""")), HttpStatusCode.Unauthorized))
            .GetProperty("detail").GetString().Should().Contain("username or password");

        var grains = silo.App.Services.GetRequiredService<IGrainFactory>();
        var queue = await SaveAsync(grains, Sample("spam"));
        await queue.Enqueue(Job("http:1", "pin:1"));
        var ann = await SignInAsync(http, "ann", "a kettle that whistles");
        var eve = await SignInAsync(http, "eve", "quiet tuesday morning");

        var eveLease = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/queues/spam-en/lease", eve));
        var annLease = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/queues/spam-en/lease", ann));
        annLease.StatusCode.Should().Be(HttpStatusCode.OK, await annLease.Content.ReadAsStringAsync());
        var lease = await Json(annLease);
        var jobId = lease.GetProperty("jobId").GetString();
        var token = lease.GetProperty("token").GetString();
        var decision = JsonSerializer.Serialize(new { token, actions = new[] { new { @object = "item", action = "remove" } }, policies = new[] { "spam" } });
        var eveDecides = await http.SendAsync(Request(HttpMethod.Post, $"/api/v1/queues/spam-en/jobs/{jobId}/decide", eve, decision));
        var annRenews = await http.SendAsync(Request(HttpMethod.Post, $"/api/v1/queues/spam-en/jobs/{jobId}/renew?token={token}", ann));
        var annDecides = await http.SendAsync(Request(HttpMethod.Post, $"/api/v1/queues/spam-en/jobs/{jobId}/decide", ann, decision));
        var details = await http.SendAsync(Request(HttpMethod.Get, $"/api/v1/jobs/{jobId}", ann));
        var reviewerAsAdmin = await http.SendAsync(Request(HttpMethod.Get, "/api/v1/accounts", ann));

        (await Problem(eveLease, HttpStatusCode.Forbidden)).GetProperty("detail").GetString().Should().Contain("spam-reviewers");
        await Problem(eveDecides, HttpStatusCode.Forbidden);
        annRenews.StatusCode.Should().Be(HttpStatusCode.OK);
        annDecides.StatusCode.Should().Be(HttpStatusCode.OK, await annDecides.Content.ReadAsStringAsync());
        (await Json(annDecides)).GetProperty("outcome").GetString().Should().Be("final");
        (await Json(details)).GetProperty("decisions")[0].GetProperty("reviewer").GetString().Should().Be("user:ann", "decisions are attributed to the signed-in person");
        (await Problem(reviewerAsAdmin, HttpStatusCode.Forbidden)).GetProperty("missingScope").GetString().Should().Be("admin");

        // Release, pass and escalate over HTTP, each with the caller's lease.
        await SaveAsync(grains, Sample("adult-content"));
        await SaveAsync(grains, Sample("escalations"));
        await queue.Enqueue(Job("http:2", "pin:2"));
        var released = await LeaseOverHttpAsync(http, ann);
        (await http.SendAsync(Request(HttpMethod.Post, $"/api/v1/queues/spam-en/jobs/{released.Job}/release?token={released.Token}", ann))).StatusCode.Should().Be(HttpStatusCode.OK);
        var passed = await LeaseOverHttpAsync(http, ann);
        var pass = await http.SendAsync(Request(HttpMethod.Post, $"/api/v1/queues/spam-en/jobs/{passed.Job}/pass", ann, JsonSerializer.Serialize(new { token = passed.Token, queue = "adult-content", reason = "nudity, not spam" })));
        pass.StatusCode.Should().Be(HttpStatusCode.OK, await pass.Content.ReadAsStringAsync());
        await queue.Enqueue(Job("http:3", "pin:3"));
        var escalated = await LeaseOverHttpAsync(http, ann);
        var escalate = await http.SendAsync(Request(HttpMethod.Post, $"/api/v1/queues/spam-en/jobs/{escalated.Job}/escalate", ann, JsonSerializer.Serialize(new { token = escalated.Token, reason = "threat of violence" })));
        escalate.StatusCode.Should().Be(HttpStatusCode.OK, await escalate.Content.ReadAsStringAsync());
        (await http.SendAsync(Request(HttpMethod.Post, "/api/v1/queues/spam-en/lease", ann))).StatusCode.Should().Be(HttpStatusCode.NoContent, "the queue is empty");
        var access = await http.SendAsync(Request(HttpMethod.Put, "/api/v1/accounts/eve/access", admin, """{ "roles": ["reviewer"], "groups": ["spam-reviewers"] }"""));
        access.StatusCode.Should().Be(HttpStatusCode.OK);

        var export = await http.SendAsync(Request(HttpMethod.Get, "/api/v1/decisions/export?queue=spam-en", admin));
        export.Content.Headers.ContentType!.MediaType.Should().Be("application/x-ndjson");
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Should().ContainSingle().Which.GetProperty("reviewer").GetString().Should().Be("user:ann");
        await Problem(await http.SendAsync(Request(HttpMethod.Get, "/api/v1/decisions/export", ann)), HttpStatusCode.Forbidden);

        (await http.SendAsync(Request(HttpMethod.Delete, "/api/v1/sessions", ann))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await Problem(await http.SendAsync(Request(HttpMethod.Post, "/api/v1/queues/spam-en/lease", ann)), HttpStatusCode.Unauthorized);
    }

    private static async Task<(string Job, string Token)> LeaseOverHttpAsync(HttpClient http, string session)
    {
        var response = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/queues/spam-en/lease", session));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var lease = await Json(response);
        return (lease.GetProperty("jobId").GetString()!, lease.GetProperty("token").GetString()!);
    }

    private static async Task<string> SignInAsync(HttpClient http, string username, string password)
    {
        var response = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/sessions", null, JsonSerializer.Serialize(new { username, password })));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await Json(response)).GetProperty("token").GetString()!;
    }
}
