using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Warden.Abstractions.Labels;
using Warden.Integration.Tests.Infrastructure;
using Xunit.Abstractions;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Chaos;

/// <summary>
/// Every kind of grain that holds state is written through the HTTP API, the whole cluster is stopped
/// and started again by the scripts, and each is used again: a state that does not reload fails here.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WholeClusterRestartTests(DurablePostgres postgres, ITestOutputHelper output) : IClassFixture<DurablePostgres>
{
    private const string Password = "a long enough passphrase";

    [Fact]
    public async Task Every_capability_works_after_every_silo_was_restarted()
    {
        await using var cluster = await ChaosCluster.StartAsync(postgres, "chaos_restart", silos: 2);
        var http = cluster.Http;
        var api = $"http://127.0.0.1:{cluster.HttpPorts[0]}/api/v1";

        // Before: one of each kind of state.
        await Ok(http.PostAsync($"{api}/accounts", Json(new { username = "lena", password = Password, roles = new[] { "lead" }, groups = new[] { "spam-reviewers" } })));
        var session = (await Ok(http.PostAsync($"{api}/sessions", Json(new { username = "lena", password = Password })))).GetProperty("token").GetString()!;
        HttpRequestMessage AsLena(HttpMethod method, string url, HttpContent? body = null) =>
            new(method, url) { Headers = { Authorization = new("Bearer", session) }, Content = body };
        await SaveAsync(cluster.Client.Grains, Sample("spam"));
        await SaveAsync(cluster.Client.Grains, Sample("appeals"));
        await Ok(http.PutAsync($"{api}/routing?expectedVersion=0", Json(new { rules = new[] { new { queue = "spam-en", policy = "spam", minScore = 0.5 } } })));
        var catalog = await Ok(http.GetAsync($"{api}/catalog"));
        await Ok(http.PutAsync($"{api}/catalog?expectedVersion={catalog.GetProperty("version").GetInt32()}", new StringContent(catalog.GetRawText(), Encoding.UTF8, "application/json")));
        await Ok(http.PutAsync($"{api}/rule-sets/pharma?expectedVersion=0", Json(new { name = "pharma", policy = "spam", weight = 0.9, keywords = new[] { "online pharmacy" } })));
        (await cluster.Client.EnqueueAsync("spam-en", Job("restart:1", "pin:r1"))).Errors.Should().BeEmpty();
        (await cluster.Client.EnqueueAsync("spam-en", Job("restart:2", "pin:r2"))).Errors.Should().BeEmpty();
        var heldLease = await Ok(http.SendAsync(AsLena(HttpMethod.Post, $"{api}/queues/spam-en/lease")));
        await Ok(http.PostAsync($"{api}/entities/pin:r9/labels", Json(new { source = new { system = "spam-model", kind = "automated", name = "v7" }, enforcement = "limit", policy = "spam", createdAt = DateTimeOffset.UtcNow })));
        await Ok(http.PostAsync($"{api}/entities/pin:r9/appeals", Json(new { statement = "It is a recipe.", appellant = "user:9", surface = "home_feed" })), HttpStatusCode.Created);
        await Ok(http.PostAsync($"{api}/queues/spam-en/golden", Json(new
        {
            id = "golden-1",
            objects = new[] { new { role = "item", entity = "pin:g1" } },
            reason = "calibration",
            expected = new[] { new { @object = "item", action = "remove" } },
        })), HttpStatusCode.Created);

        var stopped = System.Diagnostics.Stopwatch.StartNew();
        await cluster.Scripts.StopSilosAsync();
        await cluster.Client.DisposeAsync();
        await cluster.Scripts.StartSilosAsync(2);
        await cluster.ConnectAsync();
        output.WriteLine($"whole-cluster restart (stop both, start both, ready): {stopped.Elapsed.TotalSeconds:F1} s");

        // After: each used again, through the other silo too.
        api = $"http://127.0.0.1:{cluster.HttpPorts[1]}/api/v1";
        (await Ok(http.GetAsync($"{api}/accounts"))).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("username").GetString()).Should().Contain("lena");
        (await Ok(http.SendAsync(AsLena(HttpMethod.Get, $"{api}/queues")))).GetProperty("items").GetArrayLength().Should().BeGreaterThan(0, "a session opened before the restart still works");

        await Ok(http.PostAsync($"{api}/sessions", Json(new { username = "lena", password = Password })));
        (await Ok(http.GetAsync($"{api}/queues/spam-en/config"))).GetProperty("version").GetInt32().Should().Be(1);
        (await Ok(http.GetAsync($"{api}/routing"))).GetProperty("version").GetInt32().Should().Be(1);
        (await Ok(http.GetAsync($"{api}/catalog"))).GetProperty("version").GetInt32().Should().Be(catalog.GetProperty("version").GetInt32() + 1);
        (await Ok(http.GetAsync($"{api}/scoring"))).GetRawText().Should().Contain("pharma");
        var job = heldLease.GetProperty("jobId").GetString()!;
        await Ok(http.SendAsync(AsLena(HttpMethod.Post, $"{api}/queues/spam-en/jobs/{Uri.EscapeDataString(job)}/decide",
            Json(new { token = heldLease.GetProperty("token").GetString(), actions = new[] { new { @object = "item", action = "remove" } } }))));
        (await Ok(http.GetAsync($"{api}/jobs/{Uri.EscapeDataString(job)}"))).GetProperty("status").GetString().Should().Be("decided");
        var next = await Ok(http.SendAsync(AsLena(HttpMethod.Post, $"{api}/queues/spam-en/lease")));
        next.GetProperty("jobId").GetString().Should().NotBe(job);
        (await Ok(http.GetAsync($"{api}/entities/pin:r9/appeals"))).GetRawText().Should().Contain("It is a recipe.");
        await Ok(http.GetAsync($"{api}/entities/user:9/strikes"));
        (await Ok(http.GetAsync($"{api}/queues/spam-en/golden"))).GetRawText().Should().Contain("golden-1");
        await Ok(http.GetAsync($"{api}/queues/spam-en/quality"));
        await Ok(http.GetAsync($"{api}/bulk"));
        await Ok(http.GetAsync($"{api}/actions/dead-letters"));
        await Ok(http.GetAsync($"{api}/streams/dead-letters"));
        (await Ok(http.GetAsync($"{api}/entities/pin:r9/enforcement?surface=home_feed"))).GetProperty("enforcement").GetString().Should().Be("limit");
        (await cluster.Client.Grains.GetGrain<IEntityGrain>("pin:r9").GetLabels()).Live.Should().ContainSingle();
        foreach (var silo in cluster.SiloPorts)
        {
            (await cluster.ReadyStatusAsync(silo)).Should().Be(200);
        }
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
