using System.Security.Cryptography;
using Warden.Abstractions.Queues;

namespace Warden.Core.Queues;

/// <summary>
/// A queue's pending jobs and leases: idempotent enqueue, priority-then-age order, leases with
/// unguessable tokens and deadlines, renew, release, and lapsed leases returning their jobs.
/// The order index is rebuilt from the stored state, so it survives reactivation.
/// </summary>
public sealed class LeaseBook
{
    private readonly QueueJobsState _state;
    private readonly SortedSet<QueuedJob> _order = new(Comparer<QueuedJob>.Create(CompareJobs));

    public LeaseBook(QueueJobsState state)
    {
        _state = state;
        foreach (var job in state.Jobs.Values)
        {
            _order.Add(job);
        }
    }

    public int Count => _state.Jobs.Count;

    /// <summary>Adds a job unless <paramref name="key"/> was seen; returns the job id and whether it is new.</summary>
    public (string JobId, bool Created) Enqueue(string key, string jobId, int priority, DateTimeOffset now)
    {
        if (_state.EnqueueKeys.TryGetValue(key, out var existing))
        {
            return (existing, false);
        }

        var job = new QueuedJob { JobId = jobId, Priority = priority, EnqueuedAt = now };
        _state.EnqueueKeys[key] = jobId;
        _state.Jobs[jobId] = job;
        _order.Add(job);
        return (jobId, true);
    }

    /// <summary>The first free job by priority then age that <paramref name="reviewer"/> has not decided, leased to them.</summary>
    public JobLease? LeaseNext(string reviewer, DateTimeOffset now, TimeSpan duration)
    {
        foreach (var job in _order)
        {
            if (job.Lease is null && !job.DecidedBy.Contains(reviewer))
            {
                job.Lease = new JobLease(job.JobId, NewToken(), reviewer, now + duration);
                return job.Lease;
            }
        }

        return null;
    }

    /// <summary>The live lease <paramref name="token"/> names on <paramref name="jobId"/>, or why there is none.</summary>
    public (JobLease? Lease, string? Error) Check(string jobId, string token, DateTimeOffset now)
    {
        if (!_state.Jobs.TryGetValue(jobId, out var job))
        {
            return (null, $"job {jobId} is not in this queue");
        }

        if (job.Lease is null || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(job.Lease.Token), System.Text.Encoding.UTF8.GetBytes(token ?? "")))
        {
            return (null, $"the lease on job {jobId} is not yours (it lapsed or was released)");
        }

        return job.Lease.Deadline <= now ? (null, $"the lease on job {jobId} lapsed at {job.Lease.Deadline:O}") : (job.Lease, null);
    }

    public (JobLease? Lease, string? Error) Renew(string jobId, string token, DateTimeOffset now, TimeSpan duration)
    {
        var (lease, error) = Check(jobId, token, now);
        if (lease is null)
        {
            return (null, error);
        }

        var renewed = lease with { Deadline = now + duration };
        _state.Jobs[jobId].Lease = renewed;
        return (renewed, null);
    }

    public string? Release(string jobId, string token, DateTimeOffset now)
    {
        var (lease, error) = Check(jobId, token, now);
        if (lease is not null)
        {
            _state.Jobs[jobId].Lease = null;
        }

        return error;
    }

    /// <summary>
    /// Records the leaseholder's decision: the lease ends and the reviewer is never offered the job again.
    /// A final decision (consensus reached, or passed elsewhere) removes the job from the queue.
    /// </summary>
    public string? CompleteDecision(string jobId, string token, DateTimeOffset now, bool final)
    {
        var (lease, error) = Check(jobId, token, now);
        if (lease is null)
        {
            return error;
        }

        var job = _state.Jobs[jobId];
        job.Lease = null;
        job.DecidedBy.Add(lease.Reviewer);
        if (final)
        {
            Remove(job);
        }

        return null;
    }

    /// <summary>Returns lapsed leases' jobs to the queue; the jobs it returned.</summary>
    public IReadOnlyList<string> ReturnLapsed(DateTimeOffset now)
    {
        var lapsed = _state.Jobs.Values.Where(j => j.Lease is { } lease && lease.Deadline <= now).ToList();
        lapsed.ForEach(j => j.Lease = null);
        return [.. lapsed.Select(j => j.JobId)];
    }

    public DateTimeOffset? NextDeadline() => _state.Jobs.Values.Select(j => j.Lease?.Deadline).Where(d => d is not null).Min();

    /// <summary>Raises a job's priority (escalation) and re-sorts it.</summary>
    public void Reprioritise(string jobId, int priority)
    {
        var job = _state.Jobs[jobId];
        _order.Remove(job);
        job.Priority = priority;
        _order.Add(job);
    }

    public void Remove(string jobId) => Remove(_state.Jobs[jobId]);

    private void Remove(QueuedJob job)
    {
        _order.Remove(job);
        _state.Jobs.Remove(job.JobId);
    }

    private static int CompareJobs(QueuedJob? a, QueuedJob? b)
    {
        var byPriority = b!.Priority.CompareTo(a!.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byAge = a.EnqueuedAt.CompareTo(b.EnqueuedAt);
        return byAge != 0 ? byAge : string.CompareOrdinal(a.JobId, b.JobId);
    }

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
