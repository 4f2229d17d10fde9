using Warden.Abstractions.Labels;
using Warden.Core.Labels;
using static Warden.Core.Tests.Labels.Labels;

namespace Warden.Core.Tests.Labels;

public sealed class LabelBookTests
{
    private readonly LabelBook _book = new("pin:1", new EntityLabelState());

    [Fact]
    public void A_first_label_is_added_and_recorded()
    {
        var (result, changes) = _book.Write(Automated(), Catalog, "key:ml", Now);

        result.Outcome.Should().Be(LabelWriteOutcome.Added);
        changes.Should().ContainSingle().Which.Should().Match<LabelChange>(c => c.Kind == LabelChangeKind.Added && c.Actor == "key:ml" && c.Entity == "pin:1");
        _book.State.Live.Should().ContainKey("automated/spam-model/v7");
    }

    [Fact]
    public void A_newer_label_from_the_same_source_replaces_the_live_one()
    {
        _book.Write(Automated("limit", age: TimeSpan.FromHours(1)), Catalog, "a", Now);

        var (result, changes) = _book.Write(Automated("block"), Catalog, "a", Now);

        result.Outcome.Should().Be(LabelWriteOutcome.Replaced);
        changes.Single().Previous!.Enforcement.Should().Be("limit");
        _book.State.Live.Should().ContainSingle().Which.Value.Enforcement.Should().Be("block");
    }

    [Fact]
    public void An_identical_label_changes_nothing_and_records_nothing()
    {
        _book.Write(Automated(), Catalog, "a", Now);

        var (result, changes) = _book.Write(Automated(), Catalog, "a", Now);

        result.Outcome.Should().Be(LabelWriteOutcome.Unchanged);
        changes.Should().BeEmpty();
    }

    [Fact]
    public void An_older_label_from_the_same_source_is_stale_and_ignored()
    {
        _book.Write(Automated("block"), Catalog, "a", Now);

        var (result, changes) = _book.Write(Automated("limit", age: TimeSpan.FromMinutes(1)), Catalog, "a", Now);

        result.Outcome.Should().Be(LabelWriteOutcome.Stale);
        changes.Should().BeEmpty();
        _book.State.Live.Single().Value.Enforcement.Should().Be("block");
    }

    [Fact]
    public void A_malformed_label_is_rejected_and_nothing_is_stored()
    {
        var (result, changes) = _book.Write(Automated(policy: "nope"), Catalog, "a", Now);

        result.Outcome.Should().Be(LabelWriteOutcome.Rejected);
        result.Errors.Should().ContainSingle().Which.Field.Should().Be("Policy");
        changes.Should().BeEmpty();
        _book.State.Live.Should().BeEmpty();
    }

    [Fact]
    public void Removing_by_source_drops_only_that_source()
    {
        _book.Write(Automated(), Catalog, "a", Now);
        _book.Write(Human(), Catalog, "a", Now);

        var (removed, changes) = _book.Remove(Automated().Source, "lead", Now, "model retracted");
        var (missing, _) = _book.Remove(Automated().Source, "lead", Now, null);

        removed.Outcome.Should().Be(LabelWriteOutcome.Removed);
        changes.Single().Should().Match<LabelChange>(c => c.Kind == LabelChangeKind.Removed && c.Reason == "model retracted");
        missing.Outcome.Should().Be(LabelWriteOutcome.NotFound);
        _book.State.Live.Keys.Should().Equal("human/review/jane");
    }

    [Fact]
    public void On_a_trusted_entity_a_severe_automated_label_is_held_and_a_mild_one_is_not()
    {
        _book.State.Trusted = true;

        var (held, _) = _book.Write(Automated("block"), Catalog, "a", Now);
        var (mild, _) = _book.Write(Automated("hide_from_recommendations", system: "quality-model"), Catalog, "a", Now);

        held.Outcome.Should().Be(LabelWriteOutcome.Held);
        mild.Outcome.Should().Be(LabelWriteOutcome.Added);
        _book.State.Held.Should().ContainKey("automated/spam-model/v7");
        _book.State.Live.Should().ContainKey("automated/quality-model/v7").And.HaveCount(1);
    }

    [Fact]
    public void A_human_label_at_least_as_severe_releases_the_hold()
    {
        _book.State.Trusted = true;
        _book.Write(Automated("limit", policy: "spam"), Catalog, "a", Now);

        var (_, changes) = _book.Write(Human("block", policy: "spam"), Catalog, "reviewer", Now);

        changes.Select(c => c.Kind).Should().Equal(LabelChangeKind.Added, LabelChangeKind.Released);
        _book.State.Held.Should().BeEmpty();
        _book.State.Live.Should().ContainKeys("automated/spam-model/v7", "human/review/jane");
    }

    [Fact]
    public void A_milder_human_label_rejects_the_hold()
    {
        _book.State.Trusted = true;
        _book.Write(Automated("block", policy: "spam"), Catalog, "a", Now);

        var (_, changes) = _book.Write(Human("allow", policy: "spam"), Catalog, "reviewer", Now);

        changes.Select(c => c.Kind).Should().Equal(LabelChangeKind.Added, LabelChangeKind.HoldRejected);
        _book.State.Held.Should().BeEmpty();
        _book.State.Live.Keys.Should().Equal("human/review/jane");
    }

    [Fact]
    public void A_human_label_on_another_policy_leaves_the_hold_alone()
    {
        _book.State.Trusted = true;
        _book.Write(Automated("block", policy: "spam"), Catalog, "a", Now);

        _book.Write(Human("block", policy: "porn"), Catalog, "reviewer", Now);

        _book.State.Held.Should().ContainSingle();
    }

    [Fact]
    public void Expired_labels_are_dropped_with_a_record_and_the_next_expiry_is_known()
    {
        _book.Write(Automated() with { ExpiresAt = Now.AddMinutes(5) }, Catalog, "a", Now);
        _book.Write(Human() with { ExpiresAt = Now.AddMinutes(10) }, Catalog, "a", Now);

        _book.NextExpiry().Should().Be(Now.AddMinutes(5));
        _book.Expire(Now.AddMinutes(4)).Should().BeEmpty();
        var expired = _book.Expire(Now.AddMinutes(5));

        expired.Should().ContainSingle().Which.Should().Match<LabelChange>(c => c.Kind == LabelChangeKind.Expired && c.Actor == "expiry");
        _book.State.Live.Keys.Should().Equal("human/review/jane");
        _book.NextExpiry().Should().Be(Now.AddMinutes(10));
    }
}
