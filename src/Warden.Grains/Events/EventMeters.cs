using System.Diagnostics.Metrics;

namespace Warden.Grains.Events;

/// <summary>
/// The <c>Warden.Events</c> meter: events waiting in the outbox and stream dead letters, as last
/// counted by the relay (every few seconds), so a scrape never waits for PostgreSQL.
/// </summary>
public sealed class EventMeters
{
    public const string MeterName = "Warden.Events";

    private readonly Counter<long> _published;
    private long _pending;
    private long _deadLetters;

    public EventMeters(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _published = meter.CreateCounter<long>("warden.events.published", description: "Outbox events published to warden.enforcement by this silo");
        meter.CreateObservableGauge("warden.events.outbox.pending", () => Volatile.Read(ref _pending), description: "Events stored but not yet published");
        meter.CreateObservableGauge("warden.events.dead_letters", () => Volatile.Read(ref _deadLetters), description: "Stream messages that ran out of attempts or expired, waiting for an operator");
    }

    public void Published(int count) => _published.Add(count);

    public void Counted(long pending, long deadLetters)
    {
        Volatile.Write(ref _pending, pending);
        Volatile.Write(ref _deadLetters, deadLetters);
    }
}
