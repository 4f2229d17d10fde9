using HdrHistogram;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Core.Queues;
using Warden.Testing;

namespace Warden.Benchmarks.Scenarios;

/// <summary>
/// The review queue's figures on one queue grain: enqueue rate, and lease → decide cycles with 200
/// reviewers, each decision going the whole way (job state, decisions log, human label, action record).
/// LeaseNext latency is recorded on its own while the cycles run.
/// </summary>
public static class ReviewScenarios
{
    public const string Queue = "bench-review";
    private const int Reviewers = 200;
    private const int Backlog = 70_000;
    private static long _nextJob;

    /// <summary>LeaseNext latency per scenario, recorded inside each cycle of the measured runs.</summary>
    public static Dictionary<string, LongConcurrentHistogram> LeaseNextLatency { get; } = [];

    public static IEnumerable<Scenario> All(BenchmarkCluster cluster)
    {
        var grains = cluster.Client.Grains;
        var queue = grains.GetGrain<IQueueGrain>(Queue);
        var configured = new Lazy<Task>(() => ConfigureAsync(queue));
        // Before each review scenario the queue is topped up, so no cycle finds it empty.
        async Task TopUp()
        {
            await configured.Value;
            var missing = Backlog - (await queue.GetMetrics()).Depth;
            await Parallel.ForEachAsync(Enumerable.Range(0, Math.Max(0, missing)), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (_, _) => await EnqueueAsync(queue));
        }

        yield return new Scenario("enqueue-c64", "jobs/s", 64, (_, _) => EnqueueAsync(queue), () => configured.Value);

        // The whole path: the item is removed (a human label on the pin) and the owner warned (an action).
        var full = Histogram($"lease-decide-c{Reviewers}");
        yield return new Scenario($"lease-decide-c{Reviewers}", "cycles/s", Reviewers,
            (worker, _) => CycleAsync(queue, worker, full, [new ObjectAction("item", "remove"), new ObjectAction("owner", "warn")]), TopUp);

        // The queue's own path: only the owner is warned, so no label is written.
        var queueOnly = Histogram($"lease-decide-nolabel-c{Reviewers}");
        yield return new Scenario($"lease-decide-nolabel-c{Reviewers}", "cycles/s", Reviewers,
            (worker, _) => CycleAsync(queue, worker, queueOnly, [new ObjectAction("owner", "warn")]), TopUp);

        // Reviewers at a pace (one decision a second each, far faster than people): LeaseNext latency below saturation.
        var paced = Histogram($"lease-decide-paced-c{Reviewers}");
        yield return new Scenario($"lease-decide-paced-c{Reviewers}", "cycles/s", Reviewers, async (worker, i) =>
        {
            if (i == 0)
            {
                // Spread the reviewers over the second, as people are, rather than all at once.
                await Task.Delay(TimeSpan.FromMilliseconds(worker * 1000.0 / Reviewers));
            }

            var pace = Task.Delay(TimeSpan.FromSeconds(1));
            await CycleAsync(queue, worker, paced, [new ObjectAction("item", "remove"), new ObjectAction("owner", "warn")]);
            await pace;
        }, TopUp);
    }

    /// <summary>Drops what the warm-up recorded, so the figures are the measured runs'.</summary>
    public static void ResetLatency(string scenario)
    {
        if (LeaseNextLatency.TryGetValue(scenario, out var histogram))
        {
            histogram.Reset();
        }
    }

    private static LongConcurrentHistogram Histogram(string scenario) =>
        LeaseNextLatency[scenario] = new LongConcurrentHistogram(1, TimeStamp.Seconds(60), 3);

    private static async Task ConfigureAsync(IQueueGrain queue)
    {
        var (sample, _) = QueueConfigJson.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "samples", "queues", "spam.json")));
        var current = await queue.GetConfig();
        var saved = await queue.SaveConfig(sample! with { Id = Queue, PassTo = [], EscalationQueue = null }, current?.Version ?? 0, "bench");
        if (saved.Errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", saved.Errors));
        }
    }

    private static async Task EnqueueAsync(IQueueGrain queue)
    {
        var n = Interlocked.Increment(ref _nextJob);
        var result = await queue.Enqueue(new EnqueueRequest
        {
            Key = $"bench:{Environment.ProcessId}:{n}",
            Objects = [new ReviewObject("item", $"pin:bench-{n}"), new ReviewObject("owner", $"user:bench-{n % 5000}")],
            Reports = [new JobReport("user:1", "spam", "cheap watches", DateTimeOffset.UtcNow)],
            Actor = "bench",
        });
        if (!result.Created)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors));
        }
    }

    private static async Task CycleAsync(IQueueGrain queue, int worker, LongConcurrentHistogram leaseNextLatency, IReadOnlyList<ObjectAction> actions)
    {
        var reviewer = new Reviewer($"reviewer-{worker}", ["spam-reviewers"]);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var lease = await queue.LeaseNext(reviewer) ?? throw new InvalidOperationException("the queue ran dry: enlarge the backlog");
        leaseNextLatency.RecordValue(System.Diagnostics.Stopwatch.GetTimestamp() - started);
        var decided = await queue.Decide(lease.JobId, lease.Token, new ReviewDecision
        {
            Reviewer = reviewer.Id,
            Actions = [.. actions],
            Labels = ["commercial spam"],
        });
        if (decided.Outcome != JobStepOutcome.Final)
        {
            throw new InvalidOperationException(string.Join("; ", decided.Errors));
        }
    }
}
