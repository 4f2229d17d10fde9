using Warden.Abstractions.Queues;
using Warden.Core.Queues;

namespace Warden.Core.Tests.Queues;

public sealed class LeaseBookTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly QueueJobsState _state = new();
    private readonly LeaseBook _book;

    public LeaseBookTests() => _book = new LeaseBook(_state);

    [Fact]
    public void Adding_a_job_twice_keeps_the_first()
    {
        _book.Add("job-1", 0, Now).Should().BeSameAs(_book.Add("job-1", 7, Now.AddMinutes(1)));
        _book.Count.Should().Be(1);
        _book.Find("job-1")!.Priority.Should().Be(0);
    }

    [Fact]
    public void Jobs_are_offered_by_priority_then_age()
    {
        _book.Add("old-low", 0, Now);
        _book.Add("new-high", 5, Now.AddMinutes(2));
        _book.Add("old-high", 5, Now.AddMinutes(1));

        var order = Enumerable.Range(0, 3).Select(i => _book.LeaseNext($"r{i}", Now, Lease)!.JobId).ToList();

        order.Should().Equal("old-high", "new-high", "old-low");
        _book.LeaseNext("r9", Now, Lease).Should().BeNull("every job is leased");
    }

    [Fact]
    public void Two_reviewers_never_hold_the_same_job()
    {
        _book.Add("job-1", 0, Now);

        _book.LeaseNext("ann", Now, Lease).Should().NotBeNull();
        _book.LeaseNext("bob", Now, Lease).Should().BeNull();
    }

    [Fact]
    public void A_lapsed_lease_returns_the_job_and_its_token_stops_working()
    {
        _book.Add("job-1", 0, Now);
        var lease = _book.LeaseNext("ann", Now, Lease)!;

        _book.NextDeadline().Should().Be(Now + Lease);
        _book.ReturnLapsed(Now + Lease - TimeSpan.FromTicks(1)).Should().BeEmpty();
        _book.ReturnLapsed(Now + Lease).Select(j => j.JobId).Should().Equal("job-1");
        _book.LeasedCount.Should().Be(0);

        _book.Check("job-1", lease.Token, Now).Error.Should().Contain("not yours");
        _book.LeaseNext("bob", Now + Lease, Lease)!.JobId.Should().Be("job-1");
    }

    [Fact]
    public void A_renewed_lease_moves_its_deadline_and_a_wrong_token_is_refused()
    {
        _book.Add("job-1", 0, Now);
        var lease = _book.LeaseNext("ann", Now, Lease)!;

        var (renewed, _) = _book.Renew("job-1", lease.Token, Now.AddMinutes(4), Lease);
        var (_, error) = _book.Renew("job-1", "guess", Now.AddMinutes(4), Lease);

        renewed!.Deadline.Should().Be(Now.AddMinutes(9));
        error.Should().Contain("not yours");
        _book.Check("job-1", lease.Token, Now.AddMinutes(9)).Error.Should().Contain("lapsed");
    }

    [Fact]
    public void A_released_job_is_offered_again()
    {
        _book.Add("job-1", 0, Now);
        var lease = _book.LeaseNext("ann", Now, Lease)!;

        _book.Release("job-1", lease.Token, Now).Should().BeNull();

        _book.LeaseNext("bob", Now, Lease)!.JobId.Should().Be("job-1");
    }

    [Fact]
    public void A_job_is_never_offered_again_to_a_reviewer_who_decided_it()
    {
        _book.Add("job-1", 0, Now);
        var lease = _book.LeaseNext("ann", Now, Lease)!;

        _book.CompleteDecision("job-1", lease.Token, Now, final: false).Should().BeNull();

        _book.LeaseNext("ann", Now, Lease).Should().BeNull();
        _book.LeaseNext("bob", Now, Lease)!.JobId.Should().Be("job-1", "multi-review needs another reviewer");
    }

    [Fact]
    public void A_final_decision_takes_the_job_out_of_offer_and_a_late_one_is_refused()
    {
        _book.Add("job-1", 0, Now);
        var lease = _book.LeaseNext("ann", Now, Lease)!;

        _book.CompleteDecision("job-1", lease.Token, Now.AddMinutes(6), final: true).Should().Contain("lapsed", "the lease ran out first");
        _book.CompleteDecision("job-1", lease.Token, Now, final: true).Should().BeNull();

        _book.Find("job-1")!.Finalizing.Should().BeTrue();
        _book.Finalizing.Should().Equal("job-1");
        new LeaseBook(_state).Finalizing.Should().Equal("job-1");
        _book.LeaseNext("bob", Now, Lease).Should().BeNull("a finalizing job is not offered");
        _book.CompleteDecision("job-1", lease.Token, Now, final: true).Should().Contain("not yours");
        _book.Remove("job-1");
        _book.Count.Should().Be(0);
    }

    [Fact]
    public void Jobs_past_the_target_handling_time_are_flagged_once()
    {
        _book.Add("old", 0, Now);
        _book.Add("new", 0, Now.AddHours(3));

        _book.FlagSlaBreaches(Now.AddHours(4).AddSeconds(1), TimeSpan.FromHours(4)).Select(j => j.JobId).Should().Equal("old");
        _book.FlagSlaBreaches(Now.AddHours(9), TimeSpan.FromHours(4)).Select(j => j.JobId).Should().Equal("new");
        (_book.SlaBreachedCount, _book.OldestEnqueuedAt).Should().Be((2, Now));
        _book.Remove("old");
        (_book.SlaBreachedCount, _book.OldestEnqueuedAt).Should().Be((1, Now.AddHours(3)));
    }

    [Fact]
    public void Leases_and_order_survive_a_reload_of_the_stored_state()
    {
        _book.Add("low", 0, Now);
        _book.Add("high", 9, Now);
        var lease = _book.LeaseNext("ann", Now, Lease)!;

        var reloaded = new LeaseBook(_state);

        reloaded.Check("high", lease.Token, Now).Lease.Should().Be(lease);
        reloaded.LeaseNext("bob", Now, Lease)!.JobId.Should().Be("low");
        reloaded.ReturnLapsed(Now + Lease).Select(j => j.JobId).Should().BeEquivalentTo(["high", "low"]);
    }

    [Fact]
    public void Escalation_moves_a_job_ahead()
    {
        _book.Add("first", 0, Now);
        _book.Add("second", 0, Now.AddMinutes(1));

        _book.Reprioritise("second", 10);

        _book.LeaseNext("ann", Now, Lease)!.JobId.Should().Be("second");
    }

    [Fact]
    public void Only_reviewers_in_a_queue_group_may_review()
    {
        var config = QueueSamples.Load("escalations");

        QueueAccess.MayReview(config, ["policy-experts", "spam-reviewers"]).Should().BeTrue();
        QueueAccess.MayReview(config, ["spam-reviewers"]).Should().BeFalse();
        QueueAccess.MayReview(config, []).Should().BeFalse();
    }

    [Fact]
    public void A_hold_extends_the_lease_renewals_keep_it_and_a_lead_takes_it_over_with_a_new_token()
    {
        _book.Add("job-1", 0, Now);
        var lease = _book.LeaseNext("ann", Now, Lease)!;

        var (held, _) = _book.Hold("job-1", lease.Token, "is this a minor?", Now, Now.AddHours(4));
        held!.Deadline.Should().Be(Now.AddHours(4));
        _book.Renew("job-1", lease.Token, Now.AddMinutes(1), Lease).Lease!.Deadline.Should().Be(Now.AddHours(4), "renewing never shortens a hold");
        _book.HeldCount.Should().Be(1);
        _book.Held.Single().HoldReason.Should().Be("is this a minor?");

        var (taken, _) = _book.TakeOver("job-1", "lena", Now.AddMinutes(2), Lease);
        taken!.Reviewer.Should().Be("lena");
        _book.Check("job-1", lease.Token, Now.AddMinutes(2)).Error.Should().Contain("not yours");
        _book.HeldCount.Should().Be(0);
        _book.TakeOver("job-1", "lena", Now.AddMinutes(3), Lease).Error.Should().Be("job-1 is not on hold in this queue".Insert(0, "job "));
    }

    [Fact]
    public void A_hold_ends_with_its_lease()
    {
        _book.Add("job-1", 0, Now);
        var lease = _book.LeaseNext("ann", Now, Lease)!;
        _book.Hold("job-1", lease.Token, "help", Now, Now.AddHours(4));

        _book.Release("job-1", lease.Token, Now.AddMinutes(1)).Should().BeNull();

        _book.HeldCount.Should().Be(0);
        _book.Find("job-1")!.HoldReason.Should().BeNull();
    }
}
