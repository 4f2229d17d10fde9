using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Runtime;
using Warden.Abstractions.Access;
using Warden.Abstractions.Queues;
using Warden.Integration.Tests.Infrastructure;
using Xunit.Abstractions;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Chaos;

/// <summary>Ten reviewers lease and decide over HTTP while the silo hosting their queue is killed.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReviewChaosTests(DurablePostgres postgres, ITestOutputHelper output) : IClassFixture<DurablePostgres>
{
    private const int Jobs = 80;
    private const int Reviewers = 10;
    private const string Password = "reviewer passphrase 1";

    [Fact]
    public async Task Killing_the_silo_that_hosts_a_queue_while_ten_reviewers_decide_records_every_decision_once()
    {
        await using var cluster = await ChaosCluster.StartAsync(postgres, "chaos_queue");
        var queue = await SaveAsync(cluster.Client.Grains, Sample("spam") with { LeaseDuration = TimeSpan.FromSeconds(10) });
        for (var i = 0; i < Jobs; i++)
        {
            (await queue.Enqueue(Job($"chaos:{i}", $"pin:{i}"))).Errors.Should().BeEmpty();
        }

        // Reviewers are people: accounts in the queue's group, each signed in with a session of their own.
        var accounts = cluster.Client.Grains.GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.DefaultKey);
        var http = cluster.NewLoadClient();
        var sessions = new List<string>();
        for (var i = 0; i < Reviewers; i++)
        {
            (await accounts.Create($"reviewer-{i}", Password, [AccountRoles.Reviewer], ["spam-reviewers"], "test:chaos")).Errors.Should().BeEmpty();
            using var signedIn = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/api/v1/sessions") { Content = JsonContent.Create(new { username = $"reviewer-{i}", password = Password }) }, TimeSpan.FromSeconds(30));
            sessions.Add((await signedIn!.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
        }

        var acknowledged = new ConcurrentDictionary<string, string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var reviewing = Task.WhenAll(sessions.Select(token => Task.Run(() => ReviewAsync(http, token, acknowledged, stop.Token))));

        await Eventually.Succeeds(() => Task.FromResult(acknowledged.Count), n => n >= 15, TimeSpan.FromSeconds(60), "decisions before the kill");
        var host = await cluster.Client.Grains.GetGrain<IManagementGrain>(0).GetActivationAddress((IAddressable)queue);
        host.Should().NotBeNull();
        var killedAt = http.Now;
        await cluster.KillAsync(host!.Endpoint.Port);
        await Eventually.Succeeds(() => cluster.CountAsync("SELECT count(DISTINCT job_id) FROM decisions WHERE kind = 'final'"), n => n == Jobs, TimeSpan.FromSeconds(80), "every job decided by the reviewers");
        await stop.CancelAsync();
        await reviewing;
        var backAfter = http.FirstSuccessAfter(http.LastServerErrorAt ?? killedAt) - killedAt;

        var finals = new Dictionary<string, long>();
        await using (var command = cluster.Db.CreateCommand("SELECT job_id, count(*) FROM decisions WHERE kind = 'final' GROUP BY job_id"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                finals[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var report = new ChaosReport("SIGKILL of the queue's silo with 10 reviewers deciding", acknowledged.Count,
            Lost: acknowledged.Keys.Count(j => !finals.ContainsKey(j)), Duplicated: finals.Count(f => f.Value > 1),
            Stuck: Jobs - finals.Count, ClientErrors: http.Errors, SecondsToServeAgain: (backAfter ?? TimeSpan.Zero).TotalSeconds);
        report.Record(output);
        report.Lost.Should().Be(0, "every acknowledged decision is recorded");
        report.Duplicated.Should().Be(0, "no job is decided twice");
        report.Stuck.Should().Be(0, "every job was decided: none lost with the silo");
    }

    /// <summary>Lease, decide, repeat; a lease that lapsed during the failover is simply not acknowledged and the job comes back.</summary>
    private static async Task ReviewAsync(RetryingHttp http, string key, ConcurrentDictionary<string, string> acknowledged, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var leased = await http.SendAsync(() => Authorized(HttpMethod.Post, "/api/v1/queues/spam-en/lease", key), TimeSpan.FromSeconds(30));
            if (leased is null || leased.StatusCode == HttpStatusCode.NoContent)
            {
                await Task.Delay(250, CancellationToken.None);
                continue;
            }

            var lease = (await leased.Content.ReadFromJsonAsync<JobLease>(JsonSerializerOptions.Web))!;
            var body = new { token = lease.Token, actions = new[] { new { @object = "item", action = "remove" } } };
            using var decided = await http.SendAsync(() => Authorized(HttpMethod.Post, $"/api/v1/queues/spam-en/jobs/{Uri.EscapeDataString(lease.JobId)}/decide", key, body), TimeSpan.FromSeconds(30));
            if (decided is { IsSuccessStatusCode: true }
                && (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString() == "final")
            {
                acknowledged[lease.JobId] = key;
            }
        }
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string key, object? body = null) => new(method, path)
    {
        Headers = { Authorization = new("Bearer", key) },
        Content = body is null ? null : JsonContent.Create(body),
    };
}
