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
    private const int Backlog = 30_000;
    private static long _nextJob;

    public static LongConcurrentHistogram LeaseNextLatency { get; } = new(1, TimeStamp.Seconds(60), 3);

    public static IEnumerable<Scenario> All(BenchmarkCluster cluster)
    {
        var grains = cluster.Client.Grains;
        var queue = grains.GetGrain<IQueueGrain>(Queue);
        var configured = new Lazy<Task>(() => ConfigureAsync(queue));
        var backlog = new Lazy<Task>(async () =>
        {
            await configured.Value;
            await Parallel.ForEachAsync(Enumerable.Range(0, Backlog), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (_, _) => await EnqueueAsync(queue));
        });

        yield return new Scenario("enqueue-c64", "jobs/s", 64, (_, _) => EnqueueAsync(queue), () => configured.Value);
        yield return new Scenario($"lease-decide-c{Reviewers}", "cycles/s", Reviewers, (worker, _) => CycleAsync(queue, worker), () => backlog.Value);
    }

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

    private static async Task CycleAsync(IQueueGrain queue, int worker)
    {
        var reviewer = new Reviewer($"reviewer-{worker}", ["spam-reviewers"]);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var lease = await queue.LeaseNext(reviewer) ?? throw new InvalidOperationException("the queue ran dry: enlarge the backlog");
        LeaseNextLatency.RecordValue(System.Diagnostics.Stopwatch.GetTimestamp() - started);
        var decided = await queue.Decide(lease.JobId, lease.Token, new ReviewDecision
        {
            Reviewer = reviewer.Id,
            Actions = [new ObjectAction("item", "remove"), new ObjectAction("owner", "warn")],
            Labels = ["commercial spam"],
        });
        if (decided.Outcome != DecideOutcome.Final)
        {
            throw new InvalidOperationException(string.Join("; ", decided.Errors));
        }
    }
}
