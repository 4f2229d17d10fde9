using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Core.Queues;
using Warden.Testing;

namespace Warden.Integration.Tests.Reviews;

internal static class ReviewFixtures
{
    public static QueueConfig Sample(string name)
    {
        var (config, errors) = QueueConfigJson.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "queues", name + ".json")));
        errors.Should().BeEmpty();
        return config!;
    }

    public static async Task<IQueueGrain> SaveAsync(IGrainFactory grains, QueueConfig config)
    {
        var queue = grains.GetGrain<IQueueGrain>(config.Id);
        var current = await queue.GetConfig();
        var saved = await queue.SaveConfig(config, current?.Version ?? 0, "user:lead");
        saved.Errors.Should().BeEmpty();
        return queue;
    }

    public static EnqueueRequest Job(string key, string item = "pin:1", string? owner = null, int priority = 0) => new()
    {
        Key = key,
        Objects = owner is null ? [new ReviewObject("item", item)] : [new ReviewObject("item", item), new ReviewObject("owner", owner)],
        Reports = [new JobReport("user:9", "spam", "buy now <script>alert(1)</script>", DateTimeOffset.UtcNow)],
        Scores = [new JobScore("spam-model", 0.71, "keyword: 'free money'")],
        Priority = priority,
        Actor = "svc:reports",
    };

    public static Reviewer SpamReviewer(string id) => new(id, ["spam-reviewers"]);

    public static ReviewDecision Decision(string reviewer, params (string Object, string Action)[] actions) => new()
    {
        Reviewer = reviewer,
        Actions = [.. actions.Select(a => new ObjectAction(a.Object, a.Action))],
    };

    /// <summary>Leases the next job and decides it; the lease and the result.</summary>
    public static async Task<(JobLease Lease, JobStepResult Result)> LeaseAndDecideAsync(IQueueGrain queue, Reviewer reviewer, params (string Object, string Action)[] actions)
    {
        var lease = await queue.LeaseNext(reviewer);
        lease.Should().NotBeNull($"{reviewer.Id} should find a job");
        return (lease!, await queue.Decide(lease!.JobId, lease.Token, Decision(reviewer.Id, actions)));
    }
}
