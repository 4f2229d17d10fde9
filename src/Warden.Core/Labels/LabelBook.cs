using Warden.Abstractions.Labels;

namespace Warden.Core.Labels;

/// <summary>
/// The rules for one entity's labels, applied to its stored state: one live label per source, stale
/// and identical writes ignored, automated labels held on trusted entities until a human decides.
/// Every method returns the changes it made, which become history rows and enforcement updates.
/// </summary>
public sealed class LabelBook(string entity, EntityLabelState state)
{
    public EntityLabelState State => state;

    public (LabelWriteResult Result, IReadOnlyList<LabelChange> Changes) Write(Label label, CatalogView catalog, string actor, DateTimeOffset now)
    {
        var errors = LabelChecker.Check(label, catalog, now);
        if (errors.Count > 0)
        {
            return (LabelWriteResult.Rejected(errors), []);
        }

        var key = label.Source.Key;
        var changes = new List<LabelChange>();
        if (ShouldHold(label, catalog))
        {
            return Hold(label, key, actor, now);
        }

        if (state.Live.TryGetValue(key, out var live))
        {
            if (live == label)
            {
                return (LabelWriteResult.Of(LabelWriteOutcome.Unchanged), []);
            }

            if (label.CreatedAt < live.CreatedAt)
            {
                return (LabelWriteResult.Of(LabelWriteOutcome.Stale), []);
            }
        }

        // One label per source: a live write supersedes the source's held label too.
        state.Held.Remove(key, out var superseded);
        state.Live[key] = label;
        changes.Add(Change(live is null ? LabelChangeKind.Added : LabelChangeKind.Replaced, label, actor, now, previous: live ?? superseded));
        if (label.Source.Kind == SourceKind.Human)
        {
            DecideHolds(label, catalog, actor, now, changes);
        }

        return (LabelWriteResult.Of(live is null ? LabelWriteOutcome.Added : LabelWriteOutcome.Replaced), changes);
    }

    public (LabelWriteResult Result, IReadOnlyList<LabelChange> Changes) Remove(LabelSource source, string actor, DateTimeOffset now, string? reason)
    {
        var key = source.Key;
        if (state.Live.Remove(key, out var live))
        {
            return (LabelWriteResult.Of(LabelWriteOutcome.Removed), [Change(LabelChangeKind.Removed, live, actor, now, reason: reason)]);
        }

        if (state.Held.Remove(key, out var held))
        {
            return (LabelWriteResult.Of(LabelWriteOutcome.Removed), [Change(LabelChangeKind.Removed, held, actor, now, reason: reason)]);
        }

        return (LabelWriteResult.Of(LabelWriteOutcome.NotFound), []);
    }

    /// <summary>Drops live and held labels whose expiry has passed.</summary>
    public IReadOnlyList<LabelChange> Expire(DateTimeOffset now)
    {
        var changes = new List<LabelChange>();
        foreach (var labels in new[] { state.Live, state.Held })
        {
            foreach (var (key, label) in labels.Where(l => l.Value.IsExpired(now)).ToList())
            {
                labels.Remove(key);
                changes.Add(Change(LabelChangeKind.Expired, label, "expiry", now));
            }
        }

        return changes;
    }

    /// <summary>The earliest expiry among the stored labels: when <see cref="Expire"/> next has work.</summary>
    public DateTimeOffset? NextExpiry() =>
        state.Live.Values.Concat(state.Held.Values).Select(l => l.ExpiresAt).Where(e => e is not null).Min();

    private bool ShouldHold(Label label, CatalogView catalog) =>
        state.Trusted
        && label.Source.Kind == SourceKind.Automated
        && catalog.HoldSeverity is { } threshold
        && catalog.Severity(label.Enforcement) >= threshold;

    private (LabelWriteResult, IReadOnlyList<LabelChange>) Hold(Label label, string key, string actor, DateTimeOffset now)
    {
        if (state.Held.TryGetValue(key, out var held))
        {
            if (held == label)
            {
                return (LabelWriteResult.Of(LabelWriteOutcome.Unchanged), []);
            }

            if (label.CreatedAt < held.CreatedAt)
            {
                return (LabelWriteResult.Of(LabelWriteOutcome.Stale), []);
            }
        }

        state.Held[key] = label;
        return (LabelWriteResult.Of(LabelWriteOutcome.Held), [Change(LabelChangeKind.Held, label, actor, now, previous: held, reason: "trusted entity: held for human review")]);
    }

    /// <summary>
    /// A human label on a policy with held labels decides them: at least as severe confirms (the held
    /// label goes live), milder rejects (it is dropped).
    /// </summary>
    private void DecideHolds(Label human, CatalogView catalog, string actor, DateTimeOffset now, List<LabelChange> changes)
    {
        var humanSeverity = catalog.Severity(human.Enforcement);
        foreach (var (key, held) in state.Held.Where(h => h.Value.Policy == human.Policy).ToList())
        {
            state.Held.Remove(key);
            if (humanSeverity >= catalog.Severity(held.Enforcement))
            {
                state.Live[key] = held;
                changes.Add(Change(LabelChangeKind.Released, held, actor, now, reason: $"confirmed by {human.Source.Key}"));
            }
            else
            {
                changes.Add(Change(LabelChangeKind.HoldRejected, held, actor, now, reason: $"overruled by {human.Source.Key}"));
            }
        }
    }

    private LabelChange Change(LabelChangeKind kind, Label label, string actor, DateTimeOffset now, Label? previous = null, string? reason = null) =>
        new() { Entity = entity, Kind = kind, Label = label, Previous = previous, Actor = actor, At = now, Reason = reason };
}
