using Warden.Abstractions.Labels;
using Warden.Abstractions.Runtime;
using Warden.Abstractions.Strikes;
using Warden.Core.Strikes;
using Warden.Grains.Policies;

namespace Warden.Grains.Strikes;

/// <summary>
/// A user's strikes and the account label they earn. Every change (a strike added, removed, or expired by
/// the reminder) recomputes the active total against the catalog's thresholds and writes or removes the
/// <c>warden-strikes</c> label when the account enforcement changes.
/// </summary>
public sealed class StrikesGrain(
    [PersistentState("strikes", WardenProviders.GrainStorage)] IPersistentState<StrikesState> state,
    CatalogCache catalogs,
    TimeProvider clock)
    : Grain, IStrikesGrain, IRemindable
{
    public const string ExpiryReminder = "strike-expiry";
    private const string Actor = "warden-strikes";

    public async Task<StrikeSummary> Add(string jobId, string item, string policy)
    {
        var catalog = await catalogs.GetAsync();
        var definition = catalog.Catalog.Policies.FirstOrDefault(p => p.Name == policy);
        if (definition is null || definition.StrikeWeight == 0 || state.State.Strikes.Any(s => s.JobId == jobId && s.Item == item))
        {
            return Summary(catalog.Catalog.StrikeThresholds);
        }

        state.State.Strikes.Add(StrikeBook.New(jobId, item, definition, clock.GetUtcNow()));
        return await ApplyAsync();
    }

    public async Task<StrikeSummary> RemoveForJob(string jobId, string because)
    {
        var now = clock.GetUtcNow();
        var removed = false;
        for (var i = 0; i < state.State.Strikes.Count; i++)
        {
            if (state.State.Strikes[i].JobId == jobId && state.State.Strikes[i].RemovedAt is null)
            {
                state.State.Strikes[i] = state.State.Strikes[i] with { RemovedAt = now, RemovedBecause = because };
                removed = true;
            }
        }

        return removed ? await ApplyAsync() : Summary((await catalogs.GetAsync()).Catalog.StrikeThresholds);
    }

    public async Task<StrikeSummary> Get() => Summary((await catalogs.GetAsync()).Catalog.StrikeThresholds);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ExpiryReminder)
        {
            await ApplyAsync();
        }
    }

    /// <summary>Stores the strikes, brings the account label in line with the active total, and sets the next expiry's reminder.</summary>
    private async Task<StrikeSummary> ApplyAsync()
    {
        await state.WriteStateAsync();
        var catalog = await catalogs.GetAsync();
        var now = clock.GetUtcNow();
        var summary = Summary(catalog.Catalog.StrikeThresholds);
        var entity = GrainFactory.GetGrain<IEntityGrain>(this.GetPrimaryKeyString());
        var current = (await entity.GetLabels()).Live.FirstOrDefault(l => l.Source == StrikeBook.Source);
        if (summary.AccountEnforcement is null && current is not null)
        {
            await entity.RemoveLabel(StrikeBook.Source, Actor, $"active strikes {summary.ActiveTotal} are below every threshold");
        }
        else if (summary.AccountEnforcement is { } enforcement && enforcement != current?.Enforcement)
        {
            await entity.WriteLabel(StrikeBook.AccountLabel(enforcement, state.State.Strikes, now), Actor);
        }

        await ScheduleExpiryAsync(now);
        return summary;
    }

    private async Task ScheduleExpiryAsync(DateTimeOffset now)
    {
        if (StrikeBook.NextExpiry(state.State.Strikes, now) is { } next)
        {
            // The period only backs up a missed tick; each tick reschedules for the next expiry.
            await this.RegisterOrUpdateReminder(ExpiryReminder, Max(next - now, TimeSpan.FromSeconds(1)), TimeSpan.FromDays(1));
            await SetReminderFlagAsync(true);
        }
        else if (state.State.ReminderSet && await this.GetReminder(ExpiryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            await SetReminderFlagAsync(false);
        }
    }

    private async Task SetReminderFlagAsync(bool set)
    {
        if (state.State.ReminderSet != set)
        {
            state.State.ReminderSet = set;
            await state.WriteStateAsync();
        }
    }

    private StrikeSummary Summary(IReadOnlyList<Abstractions.Policies.StrikeThreshold> thresholds)
    {
        var total = StrikeBook.ActiveTotal(state.State.Strikes, clock.GetUtcNow());
        return new StrikeSummary(this.GetPrimaryKeyString(), [.. state.State.Strikes], total, StrikeBook.Enforcement(total, thresholds));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
