using System.Text.Json;
using Warden.Benchmarks;
using Warden.Benchmarks.Scenarios;

// The foundation's ceilings, measured in one run against one durable PostgreSQL server:
// later figures (labels/s, jobs/s, scores/s) are reported as ratios to these.
var options = BenchmarkOptions.Parse(args);
var baseline = Baseline.Load(Path.GetFullPath(options.BaselineFile));
Console.WriteLine($"Warden foundation benchmarks: {options.Runs} runs x {options.Duration.TotalSeconds:F0} s after {options.Warmup.TotalSeconds:F0} s warm-up, {Environment.ProcessorCount} cores");

await using var cluster = await BenchmarkCluster.StartAsync(options.SiloSettings);
foreach (var (key, value) in options.SiloSettings)
{
    Console.WriteLine($"silo setting {key}={value}");
}

var scenarios = GrainScenarios.All(cluster).Concat(NpgsqlScenarios.All(cluster)).Concat(LabelScenarios.All(cluster)).Concat(HttpScenarios.All(cluster)).Concat(ReviewScenarios.All(cluster)).Concat(ScoringScenarios.All(cluster)).Concat(EventScenarios.All(cluster))
    .Where(s => options.Only is null || options.Only.Split(',').Any(only => s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
    .ToList();

var summaries = new List<ScenarioSummary>();
using var stageLatency = new StageLatency();
await using var costsDb = Npgsql.NpgsqlDataSource.Create(cluster.ConnectionString);
var operationCosts = new OperationCosts(costsDb);
var costs = new Dictionary<string, OperationCosts.PerItem>();
var stages = new Dictionary<string, object>();
Console.WriteLine($"{"scenario",-24} {"median",12} {"unit",-10} {"p50 µs",10} {"p99 µs",10} {"errors",7}  runs");
foreach (var scenario in scenarios)
{
    if (scenario.Prepare is not null)
    {
        await scenario.Prepare();
    }

    await LoadLoop.RunAsync(scenario.Concurrency, options.Warmup, scenario.Operation);
    ReviewScenarios.ResetLatency(scenario.Name);
    ScoringScenarios.ResetLatency(scenario.Name);
    stageLatency.Reset();
    var before = await operationCosts.ReadAsync();
    var runs = new List<LoadResult>();
    for (var run = 0; run < options.Runs; run++)
    {
        runs.Add(await LoadLoop.RunAsync(scenario.Concurrency, options.Duration, scenario.Operation));
    }

    var items = runs.Sum(r => r.Operations) * scenario.ItemsPerOperation;
    var perItem = items > 0 ? OperationCosts.Between(before, await operationCosts.ReadAsync(), items) : null;

    var summary = ScenarioSummary.From(scenario, runs);
    summaries.Add(summary);
    Console.WriteLine($"{summary.Name,-24} {summary.MedianPerSecond,12:F0} {summary.Unit,-10} {summary.P50Microseconds,10:F0} {summary.P99Microseconds,10:F0} {summary.Errors,7}  {string.Join(" / ", summary.RunsPerSecond.Select(r => r.ToString("F0")))}");
    if (perItem is not null)
    {
        costs[scenario.Name] = perItem;
        Console.WriteLine($"  costs of {scenario.Name}: {perItem}");
    }

    if (stageLatency.Snapshot() is { Count: > 0 } seen)
    {
        // The submission's stages inside the silo during the measured runs (what the scenario's latency is made of).
        stages[scenario.Name] = seen.ToDictionary(s => s.Stage, s => new { s.Count, p50Ms = Math.Round(s.P50Ms, 2), p99Ms = Math.Round(s.P99Ms, 2) });
        Console.WriteLine($"  stages of {scenario.Name}: {string.Join(", ", seen.Select(s => $"{s.Stage} ({s.Count}) p50 {s.P50Ms:F2} / p99 {s.P99Ms:F2} ms"))}");
    }
}

// Each capability's figure as a ratio to the ceiling it is built on, measured in this same run.
var ratios = new Dictionary<string, double>();
void Ratio(string figure, string ceiling)
{
    var a = summaries.FirstOrDefault(s => s.Name == figure);
    var b = summaries.FirstOrDefault(s => s.Name == ceiling);
    if (a is not null && b is not null)
    {
        ratios[$"{figure} / {ceiling}"] = Math.Round(a.MedianPerSecond / b.MedianPerSecond, 3);
    }
}

Ratio("verdict-read-c1", "grain-noop-call-c1");
Ratio("verdict-read-c64", "grain-noop-call-c64");
Ratio("explained-read-c1", "grain-noop-call-c1");
Ratio("explained-read-c64", "grain-noop-call-c64");
Ratio("verdict-read-c64", "grain-noop-10k-grains-c64");
Ratio("explained-read-c64", "grain-noop-10k-grains-c64");
Ratio("verdict-batch100-c8", "grain-noop-call-c64");
Ratio("explained-batch100-c8", "grain-noop-call-c64");
Ratio("label-write-c1", "npgsql-upsert-c1");
Ratio("label-write-c16", "npgsql-upsert-c16");
Ratio("grain-state-write-c1", "npgsql-upsert-c1");
Ratio("grain-state-write-c16", "npgsql-upsert-c16");
Ratio("http-verdict-read-c1", "verdict-read-c1");
Ratio("http-verdict-read-c64", "verdict-read-c64");
Ratio("lease-decide-c200", "npgsql-upsert-c16");
Ratio("lease-decide-c200", "label-write-c16");
Ratio("lease-decide-nolabel-c200", "grain-state-write-c16");
Ratio("enqueue-c64", "npgsql-upsert-c16");
Ratio("scoring-worker-c64", "onnx-run-b64-c1");
Ratio("scoring-worker-c64", "featurize-onnx-b64-c1");
Ratio("pdq-match-1m-c1", "pdq-scan-1m-c1");
Ratio("onnx-run-b64-c1", "onnx-run-b1-c1");
Ratio("submit-text-c64", "label-write-c16");
Ratio("http-submit-c64", "submit-text-c64");
Ratio("stream-publish-c16", "npgsql-insert-event-c16");
Ratio("label-write-event-c16", "label-write-noevent-c16");
foreach (var (name, value) in ratios)
{
    Console.WriteLine($"ratio {name,-52} {value,6:F3}");
}

// Every figure that fell by more than 30% against the last committed results (a warning, not a failure).
var regressions = baseline.Regressions(summaries, ratios);
Console.WriteLine(regressions.Count == 0
    ? $"no figure fell by more than {Baseline.Drop:P0} against {baseline.Source}"
    : $"{regressions.Count} figure(s) fell by more than {Baseline.Drop:P0} against {baseline.Source}:");
foreach (var line in regressions)
{
    Console.WriteLine(line);
}

var leaseNext = new Dictionary<string, object>();
foreach (var (scenario, latency) in ReviewScenarios.LeaseNextLatency.Where(l => l.Value.TotalCount > 0))
{
    double Ms(double percentile) => latency.GetValueAtPercentile(percentile) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
    leaseNext[scenario] = new { samples = latency.TotalCount, p50Ms = Math.Round(Ms(50), 2), p99Ms = Math.Round(Ms(99), 2) };
    Console.WriteLine($"LeaseNext in {scenario} (measured runs): {latency.TotalCount} calls, p50 {Ms(50):F2} ms, p99 {Ms(99):F2} ms");
}

object? pacedSubmit = null;
if (ScoringScenarios.PacedSubmitLatency.TotalCount > 0)
{
    var latency = ScoringScenarios.PacedSubmitLatency;
    double Ms(double percentile) => latency.GetValueAtPercentile(percentile) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
    pacedSubmit = new { samples = latency.TotalCount, p50Ms = Math.Round(Ms(50), 2), p99Ms = Math.Round(Ms(99), 2) };
    Console.WriteLine($"submit → verdict at 1,000 items/s offered (measured runs): {latency.TotalCount} items, p50 {Ms(50):F2} ms, p99 {Ms(99):F2} ms");
}

ReviewPageBenchmark.Result? reviewPage = null;
if (options.Only?.Split(',').Contains("review-page") == true)
{
    reviewPage = await ReviewPageBenchmark.RunAsync(cluster, options.Runs);
    Console.WriteLine($"review page, decision key-press → next job painted ({reviewPage.Decisions} decisions): median {reviewPage.MedianMs} ms, p90 {reviewPage.P90Ms} ms, run medians {string.Join(" / ", reviewPage.RunMediansMs)} ms; parts (medians): decide POST {reviewPage.DecidePostMs} ms, next page to first byte {reviewPage.NextPageServerMs} ms, last byte to paint {reviewPage.PaintMs} ms");
}
BulkBenchmark.Result? bulk = null;
if (options.Only?.Split(',').Contains("bulk") == true)
{
    bulk = await BulkBenchmark.RunAsync(cluster, options.Runs);
    Console.WriteLine($"bulk on {bulk.Entities:N0} entities: apply median {bulk.ApplyMedian:N0} entities/s ({string.Join(" / ", bulk.ApplyPerSecond)}), undo median {bulk.UndoMedian:N0} entities/s ({string.Join(" / ", bulk.UndoPerSecond)})");
    if (summaries.FirstOrDefault(s => s.Name == "label-write-c16") is { } labelWrites)
    {
        Console.WriteLine($"ratio bulk apply / label-write-c16 {bulk.ApplyMedian / labelWrites.MedianPerSecond:F3}");
    }
}
ColdReadBenchmark.Result? coldReads = null;
if (options.Only?.Split(',').Contains("cold-reads") == true)
{
    coldReads = await ColdReadBenchmark.RunAsync(cluster, options.Runs);
    Console.WriteLine($"cold verdict reads ({coldReads.Entities:N0} entities, 64 callers, each read once; seeded at {coldReads.SeedRowsPerSecond:N0} label rows/s): median {coldReads.ColdMedianPerSecond:N0} reads/s, p99 {coldReads.ColdP99Ms} ms " +
        $"(runs {string.Join(" / ", coldReads.Cold.Select(p => $"{p.PerSecond:N0}/s p50 {p.P50Ms} p99 {p.P99Ms} ms"))})");
    Console.WriteLine($"warm verdict reads of the same entities: median {coldReads.WarmMedianPerSecond:N0} reads/s, p99 {coldReads.WarmP99Ms} ms (runs {string.Join(" / ", coldReads.Warm.Select(p => $"{p.PerSecond:N0}/s p50 {p.P50Ms} p99 {p.P99Ms} ms"))}); " +
        $"ratio cold / warm {coldReads.ColdMedianPerSecond / coldReads.WarmMedianPerSecond:F3}");
    Console.WriteLine($"ceiling, the same rows selected one by one by 64 Npgsql callers: median {coldReads.SelectMedianPerSecond:N0} rows/s (runs {string.Join(" / ", coldReads.Select.Select(p => $"{p.PerSecond:N0}/s p99 {p.P99Ms} ms"))}); " +
        $"ratio cold / select {coldReads.ColdMedianPerSecond / coldReads.SelectMedianPerSecond:F3}");
    Console.WriteLine($"memory per active idle entity (2 labels): {coldReads.HeapBytesPerActiveEntity:N0} B managed heap, {coldReads.RssBytesPerActiveEntity:N0} B RSS " +
        $"({coldReads.HeapBytesPerActiveEntity * 100_000 / 1048576.0:F0} MiB heap per 100,000)");
}

EventLatencyBenchmark.Result? eventLatency = null;
if (options.Only?.Split(',').Contains("event-latency") == true)
{
    eventLatency = await EventLatencyBenchmark.RunAsync(cluster, options.Runs);
    Console.WriteLine($"label write → subscriber ({eventLatency.Samples} changes, {eventLatency.Undelivered} undelivered): p50 {eventLatency.P50Ms} ms, p99 {eventLatency.P99Ms} ms, run p50s {string.Join(" / ", eventLatency.RunP50Ms)} ms");
}

SignInFloodBenchmark.Result? signInFlood = null;
if (options.Only?.Split(',').Contains("sign-in-flood") == true)
{
    signInFlood = await SignInFloodBenchmark.RunAsync(cluster);
    Console.WriteLine($"a signed-in person's GET /api/v1/queues: idle p50 {signInFlood.IdleP50Ms} ms, p99 {signInFlood.IdleP99Ms} ms; while 8 clients guess another account's password: p50 {signInFlood.FloodP50Ms} ms, p99 {signInFlood.FloodP99Ms} ms ({signInFlood.Guesses} guesses: {signInFlood.Refused429} answered 429, {signInFlood.Refused401} answered 401)");
}

ImportBenchmark.Result? import = null;
if (options.ImportRows > 0)
{
    import = await ImportBenchmark.RunAsync(cluster, options.ImportRows);
    Console.WriteLine($"import: {import.First}");
    Console.WriteLine($"re-import: {import.Rerun}");
}

var output = Path.GetFullPath(options.Output);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
var thisRun = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(new
{
    measuredAt = DateTimeOffset.UtcNow,
    machine = new { cores = Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString() },
    options = new { durationSeconds = options.Duration.TotalSeconds, warmupSeconds = options.Warmup.TotalSeconds, options.Runs },
    postgres = "PostgreSQL 15 on loopback, fsync on, synchronous_commit on",
    scenarios = summaries,
    ratios,
    leaseNext,
    pacedSubmit,
    stages,
    costs,
    reviewPage,
    bulk,
    coldReads,
    eventLatency,
    signInFlood,
    import,
}))!.AsObject();
var indented = new JsonSerializerOptions { WriteIndented = true };
await File.WriteAllTextAsync(output, thisRun.ToJsonString(indented));
Console.WriteLine($"summary written to {output}");
if (options.UpdateBaseline)
{
    await File.WriteAllTextAsync(options.BaselineFile, baseline.Merge(thisRun).ToJsonString(indented));
    Console.WriteLine($"this run's figures merged into {options.BaselineFile} over {baseline.Source}: commit it to make them the baseline");
}
