namespace Warden.Grains.Labels;

/// <summary>
/// Expiry on time: a grain timer fires at the next expiry while the entity is active, and a reminder
/// (minute resolution, durable) wakes it if it was deactivated. Reads never select expired labels,
/// so enforcement is right even before either fires; they write the history and announce the change.
/// </summary>
public sealed partial class EntityGrain
{
    private const string ExpiryReminder = "label-expiry";

    /// <summary>Timers beyond this are left to the reminder: a grain this idle is deactivated anyway.</summary>
    private static readonly TimeSpan TimerHorizon = TimeSpan.FromMinutes(10);

    private IGrainTimer? _expiryTimer;
    private bool _reminderRegistered;

    private async Task ScheduleExpiryAsync()
    {
        _expiryTimer?.Dispose();
        _expiryTimer = null;
        var next = Book.NextExpiry();
        if (next is null)
        {
            if (_reminderRegistered)
            {
                await UnregisterExpiryReminderAsync();
            }

            return;
        }

        var due = next.Value - clock.GetUtcNow();
        if (due < TimerHorizon)
        {
            _expiryTimer = this.RegisterGrainTimer(ExpireDueAsync, new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }

        if (!_reminderRegistered)
        {
            await this.RegisterOrUpdateReminder(ExpiryReminder, due < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : due, TimeSpan.FromMinutes(1));
            _reminderRegistered = true;
        }
    }

    private async Task ExpireDueAsync()
    {
        var now = clock.GetUtcNow();
        if (Book.NextExpiry() is not { } next || next > now)
        {
            // Nothing due (every activation passes here): no decisions are computed, so an idle entity keeps
            // only the decisions it was asked for.
            await ScheduleExpiryAsync();
            return;
        }

        var catalog = await catalogs.GetAsync();
        var before = ResolveAll(catalog);
        await CommitAsync(Book.Expire(now), catalog, before);
    }

    private async Task UnregisterExpiryReminderAsync()
    {
        var reminder = await this.GetReminder(ExpiryReminder);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminderRegistered = false;
    }
}
