using System.Collections.Concurrent;
using System.Net.Http.Json;
using Warden.Integration.Tests.Infrastructure;
using Warden.Integration.Tests.Scoring;

namespace Warden.Integration.Tests.Chaos;

/// <summary>
/// Closed-loop content submissions over HTTP by several workers, each item under its own entity and
/// idempotency key, retried unchanged until acknowledged; then the check that each acknowledged item
/// is stored once and scored.
/// </summary>
public sealed class SubmitLoad(ChaosCluster cluster, int workers, string prefix)
{
    private readonly ConcurrentQueue<(string Entity, string Key)> _acknowledged = new();
    private int _refused;

    public RetryingHttp Http { get; } = cluster.NewLoadClient();

    public int Acknowledged => _acknowledged.Count;

    /// <summary>Answers below 500 that were not a success: the load is well-formed, so any is a bug.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public Task RunAsync(CancellationToken stop) => Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(w, stop))));

    public Task WaitForAcknowledgedAsync(int count, string what) =>
        Eventually.Succeeds(() => Task.FromResult(Acknowledged), n => n >= count, TimeSpan.FromSeconds(90), what);

    /// <summary>Waits for every stored item to be scored, then compares the store with what was acknowledged.</summary>
    public async Task<ChaosReport> VerifyAsync(string scenario, TimeSpan failedAt)
    {
        var stuck = 0;
        try
        {
            await Eventually.Succeeds(() => cluster.CountAsync($"SELECT count(*) FROM content_items WHERE status = 0 AND entity LIKE 'comment:{prefix}-%'"),
                n => n == 0, TimeSpan.FromSeconds(90), "every stored submission scored");
        }
        catch (TimeoutException)
        {
            stuck = (int)await cluster.CountAsync($"SELECT count(*) FROM content_items WHERE status = 0 AND entity LIKE 'comment:{prefix}-%'");
        }

        var stored = new HashSet<(string, string)>();
        await using (var command = cluster.Db.CreateCommand($"SELECT entity, idempotency_key FROM content_items WHERE entity LIKE 'comment:{prefix}-%'"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        // Each item's scoring label written more than once would be a submission processed twice.
        var duplicated = await cluster.CountAsync($"""
            SELECT count(*) FROM (SELECT entity, source_key FROM label_events
             WHERE entity LIKE 'comment:{prefix}-%' AND source_key LIKE '%warden-scoring%' GROUP BY entity, source_key HAVING count(*) > 1) twice
            """);
        var lost = _acknowledged.Count(a => !stored.Contains(a));
        var lastError = Http.LastServerErrorAt is { } at && at > failedAt ? at - failedAt : TimeSpan.Zero;
        return new ChaosReport(scenario, Acknowledged, lost, (int)duplicated, stuck, Http.Errors, lastError.TotalSeconds);
    }

    private async Task WorkAsync(int worker, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var entity = $"comment:{prefix}-{worker}-{i}";
            var body = new { idempotencyKey = $"k{i}", text = i % 3 == 0 ? ScoringFixtures.ClearSpam : ScoringFixtures.ClearHam, author = $"user:{prefix}-{worker}" };
            using var response = await Http.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/entities/{entity}/content") { Content = JsonContent.Create(body) }, TimeSpan.FromSeconds(60));
            if (response is { IsSuccessStatusCode: true })
            {
                _acknowledged.Enqueue((entity, $"k{i}"));
            }
            else if (response is not null)
            {
                Interlocked.Increment(ref _refused);
            }
        }
    }
}
