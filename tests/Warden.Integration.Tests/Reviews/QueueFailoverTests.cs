using Npgsql;
using Orleans.Runtime;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Integration.Tests.Infrastructure;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Reviews;

/// <summary>A silo dies while reviewers hold leases: every job ends decided exactly once or back in its queue.</summary>
[Collection(PostgresCollection.Name)]
public sealed class QueueFailoverTests(PostgresFixture postgres)
{
    private const int Jobs = 30;

    private static string Describe(JobStepResult result) =>
        string.Join("; ", [result.Outcome.ToString(), .. result.Errors.Select(e => $"{e.Field}: {e.Message}")]);

    [Fact]
    public async Task After_a_silo_dies_mid_review_no_job_is_lost_and_none_is_decided_twice()
    {
        var database = await postgres.CreateDatabaseAsync("reviews_failover");
        await using var cluster = await WardenTestCluster.DeployAsync(database, "reviews-failover", silos: 2, new Dictionary<string, string?>
        {
            ["Warden:Membership:ProbeTimeout"] = "00:00:01",
            ["Warden:Membership:NumMissedProbesLimit"] = "2",
            ["Warden:Membership:NumVotesForDeathDeclaration"] = "1",
            ["Warden:Membership:TableRefreshTimeout"] = "00:00:02",
        });
        var queue = await SaveAsync(cluster.GrainFactory, Sample("spam") with { LeaseDuration = TimeSpan.FromSeconds(15) });
        for (var i = 0; i < Jobs; i++)
        {
            await queue.Enqueue(Job($"report:{i}", $"pin:{i}"));
        }

        var reviewers = Enumerable.Range(0, 10).Select(i => SpamReviewer($"r{i}")).ToList();
        var leases = (await Task.WhenAll(reviewers.Select(r => queue.LeaseNext(r)))).Select(l => l!).ToList();
        var decidedBeforeKill = await Task.WhenAll(leases.Take(4).Select(l => queue.Decide(l.JobId, l.Token, Decision(l.Reviewer, ("item", "remove")))));

        var host = await cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress((IAddressable)queue);
        host.Should().NotBeNull("the queue is active on one of the silos");
        var victim = cluster.Silos.Single(s => s.SiloAddress.Equals(host));
        await cluster.KillSiloAsync(victim);

        // Reviewers carry on: their leases were stored, so the queue's new activation honours their tokens,
        // unless failure detection took longer than the lease, which then lapsed and put the job back.
        // The last two walked away: their leases lapse on the new activation and the jobs come back.
        foreach (var lease in leases.Skip(4).Take(4))
        {
            await Eventually.Succeeds(
                async () => Describe(await queue.Decide(lease.JobId, lease.Token, Decision(lease.Reviewer, ("item", "remove")))),
                outcome => outcome == nameof(JobStepOutcome.Final) || outcome.Contains("lapsed") || outcome.Contains("not yours"),
                TimeSpan.FromSeconds(60), $"{lease.Reviewer}'s decision after failover");
        }

        // Then the queue is drained, the lapsed jobs included.
        await Eventually.Succeeds(async () =>
        {
            while (await queue.LeaseNext(reviewers[0]) is { } next)
            {
                await queue.Decide(next.JobId, next.Token, Decision(next.Reviewer, ("item", "remove")));
            }

            return await queue.GetMetrics();
        }, m => m.Depth == 0, TimeSpan.FromSeconds(60), "the queue draining");

        decidedBeforeKill.Should().OnlyContain(r => r.Outcome == JobStepOutcome.Final);
        await using var db = NpgsqlDataSource.Create(database);
        await using var finals = db.CreateCommand("SELECT job_id, count(*) FROM decisions WHERE kind = 'final' GROUP BY job_id");
        var perJob = new Dictionary<string, long>();
        await using (var reader = await finals.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                perJob[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        perJob.Should().HaveCount(Jobs, "every job was decided").And.OnlyContain(p => p.Value == 1, "none twice");
        foreach (var jobId in perJob.Keys)
        {
            var job = await cluster.GrainFactory.GetGrain<IReviewJobGrain>(jobId).GetDetails();
            job.Status.Should().Be(JobStatus.Decided);
            job.Decisions.Should().ContainSingle();
        }
    }
}
