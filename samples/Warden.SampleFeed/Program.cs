using System.CommandLine;
using System.Diagnostics;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Abstractions.Scoring;
using Warden.Client;
using Warden.SampleFeed;

var items = new Option<int>("--items") { Description = "How many corpus items to send", DefaultValueFactory = _ => 300 };
var parallelism = new Option<int>("--parallelism") { Description = "Submissions in flight", DefaultValueFactory = _ => 16 };
var cluster = new Option<string>("--cluster")
{
    Description = "PostgreSQL connection string of the cluster (default: the local cluster deploy/local/cluster.sh starts)",
    DefaultValueFactory = _ => Environment.GetEnvironmentVariable("WARDEN_CONNECTION_STRING") ?? "Host=127.0.0.1;Port=55432;Username=warden;Database=warden",
};
var clusterId = new Option<string>("--cluster-id") { DefaultValueFactory = _ => "warden-local" };
var root = new RootCommand("Replays held-out SpamAssassin texts and rendered images into a running Warden cluster and shows what happens")
{
    items, parallelism, cluster, clusterId,
};
root.SetAction(async (parse, cancellationToken) =>
{
    await using var client = await WardenClient.ConnectAsync(new WardenClientOptions { UseCluster = true, ConnectionString = parse.GetValue(cluster), ClusterId = parse.GetValue(clusterId)! }, cancellationToken);
    await EnsureRoutingAsync(client.Grains);
    var run = DateTimeOffset.UtcNow.ToString("HHmmss");
    var feed = FeedItems.Load(parse.GetValue(items), run).ToList();
    var tally = new Tally();
    var clock = Stopwatch.StartNew();
    using var progress = new Timer(_ => Console.Write($"\r{tally.Line(feed.Count, clock.Elapsed)}   "), null, 0, 500);
    await Parallel.ForEachAsync(feed, new ParallelOptions { MaxDegreeOfParallelism = parse.GetValue(parallelism), CancellationToken = cancellationToken }, async (item, _) =>
    {
        var result = await client.SubmitAsync(item.Entity, item.Submission);
        tally.Add(item.Entity, result);
    });
    await progress.DisposeAsync();
    Console.WriteLine($"\r{tally.Line(feed.Count, clock.Elapsed)}   ");
    await ShowAsync(client, tally);
    return 0;
});
return await root.Parse(args).InvokeAsync();

static async Task EnsureRoutingAsync(IGrainFactory grains)
{
    var routing = grains.GetGrain<IRoutingGrain>(IRoutingGrain.DefaultKey);
    var table = await routing.GetTable();
    if (table.Rules.Count == 0 && table.DefaultQueue is null)
    {
        var errors = await routing.SetTable(new RoutingTable
        {
            Rules = [new RoutingRule { Queue = "spam-en", Policy = "spam" }],
            DefaultQueue = "escalations",
        }, table.Version, "sample-feed");
        Console.WriteLine(errors.Count == 0 ? "routing: spam → spam-en, everything else → escalations" : "routing not set: " + string.Join("; ", errors.Select(e => e.Message)));
    }
}

static async Task ShowAsync(WardenClient client, Tally tally)
{
    foreach (var (entity, record) in tally.Examples())
    {
        var enforcement = await client.GetEnforcementAsync(entity, "home_feed");
        var verdict = record.Verdict!.Categories.OrderByDescending(c => c.Decision).First();
        Console.WriteLine($"{entity}: {verdict.Category} {verdict.Decision.ToString().ToLowerInvariant()} at {verdict.Score:0.000} → home_feed {enforcement.Enforcement}" +
            (record.ReviewQueue is null ? string.Empty : $", queued in {record.ReviewQueue}") +
            (record.Verdict.OcrText is { Length: > 0 } ocr ? $", OCR read \"{ocr.Split('\n')[0]}\"" : string.Empty));
    }

    foreach (var queue in new[] { "spam-en", "escalations" })
    {
        var metrics = await client.GetQueueMetricsAsync(queue);
        Console.WriteLine($"queue {queue}: {metrics.Depth} waiting");
    }
}

/// <summary>Counts verdicts as they come back, and keeps one example of each outcome to show at the end.</summary>
internal sealed class Tally
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _counts = [];
    private readonly Dictionary<string, (string, ContentRecord)> _examples = [];
    private int _done;

    public void Add(string entity, SubmitResult result)
    {
        lock (_gate)
        {
            _done++;
            var outcome = result.Content?.Verdict is { } verdict ? verdict.Strongest.ToString().ToLowerInvariant() : result.Accepted ? "pending" : "refused";
            _counts[outcome] = _counts.GetValueOrDefault(outcome) + 1;
            if (result.Content?.Status == ContentStatus.Queued)
            {
                _counts["queued"] = _counts.GetValueOrDefault("queued") + 1;
            }

            if (result.Content?.Verdict is not null)
            {
                var key = outcome + (result.Content.Submission.Images.Count > 0 ? "-image" : string.Empty);
                _examples.TryAdd(key, (entity, result.Content));
            }
        }
    }

    public IEnumerable<(string Entity, ContentRecord Record)> Examples()
    {
        lock (_gate)
        {
            return [.. _examples.Values];
        }
    }

    public string Line(int total, TimeSpan elapsed)
    {
        lock (_gate)
        {
            var parts = string.Join(" · ", _counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"));
            return $"[{_done}/{total}] {parts} · {_done / Math.Max(0.001, elapsed.TotalSeconds):0} items/s";
        }
    }
}
