using System.Security.Cryptography;
using System.Text;
using Warden.Abstractions.Queues;

namespace Warden.Core.Queues;

/// <summary>
/// A queue's pending jobs and leases: priority-then-age order, leases with unguessable tokens and
/// deadlines, renew, release, lapsed leases returning their jobs. The indexes are rebuilt from the
/// stored jobs, so they survive reactivation. Every method that changes a job returns it, so the
/// caller knows what to write back.
/// </summary>
public sealed class LeaseBook
{
    private readonly QueueJobsState _state;
    private readonly SortedSet<QueuedJob> _order = new(Comparer<QueuedJob>.Create(CompareJobs));
    private readonly SortedSet<(DateTimeOffset Deadline, string JobId)> _deadlines = [];
    private readonly SortedSet<(DateTimeOffset EnqueuedAt, string JobId)> _byAge = [];
    private readonly HashSet<string> _finalizing = new(StringComparer.Ordinal);

    public LeaseBook(QueueJobsState state)
    {
        _state = state;
        foreach (var job in state.Jobs.Values)
        {
            _order.Add(job);
            _byAge.Add((job.EnqueuedAt, job.JobId));
            if (job.Lease is { } lease)
            {
                _deadlines.Add((lease.Deadline, job.JobId));
            }

            if (job.Finalizing)
            {
                _finalizing.Add(job.JobId);
            }

            SlaBreachedCount += job.SlaBreached ? 1 : 0;
        }
    }

    public int Count => _state.Jobs.Count;

    public int LeasedCount => _deadlines.Count;

    /// <summary>Jobs now in the queue that were flagged past the target handling time.</summary>
    public int SlaBreachedCount { get; private set; }

    /// <summary>When the oldest job entered the queue; null when it is empty.</summary>
    public DateTimeOffset? OldestEnqueuedAt => _byAge.Count > 0 ? _byAge.Min.EnqueuedAt : null;

    /// <summary>Jobs decided for good whose labels and actions are still being applied.</summary>
    public IReadOnlyCollection<string> Finalizing => _finalizing;

    public IEnumerable<QueuedJob> Jobs => _state.Jobs.Values;

    public QueuedJob? Find(string jobId) => _state.Jobs.GetValueOrDefault(jobId);

    /// <summary>Adds a job unless it is already here; the job as the queue now holds it.</summary>
    public QueuedJob Add(string jobId, int priority, DateTimeOffset now)
    {
        if (_state.Jobs.TryGetValue(jobId, out var existing))
        {
            return existing;
        }

        var job = new QueuedJob { JobId = jobId, Priority = priority, EnqueuedAt = now };
        _state.Jobs[jobId] = job;
        _order.Add(job);
        _byAge.Add((now, jobId));
        return job;
    }

    /// <summary>The first free job by priority then age that <paramref name="reviewer"/> has not decided, leased to them.</summary>
    public JobLease? LeaseNext(string reviewer, DateTimeOffset now, TimeSpan duration)
    {
        foreach (var job in _order)
        {
            if (job.Lease is null && !job.Finalizing && !job.DecidedBy.Contains(reviewer))
            {
                SetLease(job, new JobLease(job.JobId, NewToken(), reviewer, now + duration));
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

        if (job.Lease is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(job.Lease.Token), Encoding.UTF8.GetBytes(token ?? "")))
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

        // Renewing never shortens a lease a hold extended.
        var renewed = lease with { Deadline = Max(lease.Deadline, now + duration) };
        SetLease(_state.Jobs[jobId], renewed);
        return (renewed, null);
    }

    public string? Release(string jobId, string token, DateTimeOffset now)
    {
        var (lease, error) = Check(jobId, token, now);
        if (lease is not null)
        {
            SetLease(_state.Jobs[jobId], null);
        }

        return error;
    }

    /// <summary>
    /// Records the leaseholder's decision: the lease ends and the reviewer is never offered the job again.
    /// A final decision leaves the job in place, marked <see cref="QueuedJob.Finalizing"/> until its effects are applied.
    /// </summary>
    public string? CompleteDecision(string jobId, string token, DateTimeOffset now, bool final)
    {
        var (lease, error) = Check(jobId, token, now);
        if (lease is null)
        {
            return error;
        }

        Decided(jobId, lease.Reviewer, final);
        return null;
    }

    /// <summary>
    /// Notes a decision the job grain accepted: the lease ends and the reviewer is not offered the job again.
    /// No token check: the decision stands even if the lease lapsed while it was being recorded.
    /// </summary>
    public void Decided(string jobId, string reviewer, bool final)
    {
        var job = _state.Jobs[jobId];
        if (job.Lease?.Reviewer == reviewer)
        {
            SetLease(job, null);
        }

        job.DecidedBy.Add(reviewer);
        if (final)
        {
            job.Finalizing = true;
            _finalizing.Add(jobId);
        }
    }

    /// <summary>Ends any lease on the job and marks it decided for good (a decision the queue had not heard of).</summary>
    public void MarkFinalizing(string jobId)
    {
        var job = _state.Jobs[jobId];
        SetLease(job, null);
        job.Finalizing = true;
        _finalizing.Add(jobId);
    }

    /// <summary>Returns lapsed leases' jobs to the queue; the jobs it returned.</summary>
    public IReadOnlyList<QueuedJob> ReturnLapsed(DateTimeOffset now)
    {
        var returned = new List<QueuedJob>();
        while (_deadlines.Count > 0 && _deadlines.Min.Deadline <= now)
        {
            var job = _state.Jobs[_deadlines.Min.JobId];
            SetLease(job, null);
            returned.Add(job);
        }

        return returned;
    }

    public DateTimeOffset? NextDeadline() => _deadlines.Count > 0 ? _deadlines.Min.Deadline : null;

    /// <summary>Jobs in the queue longer than <paramref name="target"/> that were not flagged yet, now flagged.</summary>
    public IReadOnlyList<QueuedJob> FlagSlaBreaches(DateTimeOffset now, TimeSpan target) =>
        [.. _byAge.TakeWhile(a => now - a.EnqueuedAt > target).Select(a => _state.Jobs[a.JobId]).Where(j => !j.SlaBreached && !j.Finalizing).ToList().Select(j =>
        {
            j.SlaBreached = true;
            SlaBreachedCount++;
            return j;
        })];

    /// <summary>Raises a job's priority and re-sorts it.</summary>
    public QueuedJob Reprioritise(string jobId, int priority)
    {
        var job = _state.Jobs[jobId];
        _order.Remove(job);
        job.Priority = priority;
        _order.Add(job);
        return job;
    }

    public void Remove(string jobId)
    {
        if (_state.Jobs.Remove(jobId, out var job))
        {
            SetLease(job, null);
            _order.Remove(job);
            _byAge.Remove((job.EnqueuedAt, jobId));
            _finalizing.Remove(jobId);
            SlaBreachedCount -= job.SlaBreached ? 1 : 0;
        }
    }

    public int HeldCount => _state.Jobs.Values.Count(j => j.HoldReason is not null);

    public IEnumerable<QueuedJob> Held => _state.Jobs.Values.Where(j => j.HoldReason is not null).OrderBy(j => j.HeldAt);

    /// <summary>The leaseholder asks for help: the lease runs to <paramref name="until"/> and the job shows as held.</summary>
    public (JobLease? Lease, string? Error) Hold(string jobId, string token, string reason, DateTimeOffset now, DateTimeOffset until)
    {
        var (lease, error) = Check(jobId, token, now);
        if (lease is null)
        {
            return (null, error);
        }

        var job = _state.Jobs[jobId];
        SetLease(job, lease with { Deadline = Max(lease.Deadline, until) });
        job.HoldReason = reason;
        job.HeldAt = now;
        return (job.Lease, null);
    }

    /// <summary>A lead takes a held job: a new lease (the holder's token stops working) and the hold ends.</summary>
    public (JobLease? Lease, string? Error) TakeOver(string jobId, string lead, DateTimeOffset now, TimeSpan duration)
    {
        if (!_state.Jobs.TryGetValue(jobId, out var job) || job.HoldReason is null || job.Finalizing)
        {
            return (null, $"job {jobId} is not on hold in this queue");
        }

        job.HoldReason = null;
        job.HeldAt = null;
        SetLease(job, new JobLease(jobId, NewToken(), lead, now + duration));
        return (job.Lease, null);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private void SetLease(QueuedJob job, JobLease? lease)
    {
        if (job.Lease is { } old)
        {
            _deadlines.Remove((old.Deadline, job.JobId));
        }

        job.Lease = lease;
        if (lease is not null)
        {
            _deadlines.Add((lease.Deadline, job.JobId));
        }
        else
        {
            // A hold lasts as long as the lease: released, lapsed or decided, the job is no longer waiting for help.
            job.HoldReason = null;
            job.HeldAt = null;
        }
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
