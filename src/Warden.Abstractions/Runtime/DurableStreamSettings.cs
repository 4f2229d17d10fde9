namespace Warden.Abstractions.Runtime;

/// <summary>
/// How the durable (ADO.NET) streams of cluster mode keep events (<c>Warden:Streams</c>), shared by
/// silos and clients because the producer stamps each message's expiry.
/// </summary>
public sealed class DurableStreamSettings
{
    public const string SectionName = "Warden:Streams";

    /// <summary>
    /// An event not delivered by then is dead-lettered. Far beyond any plausible outage: the provider's
    /// default of 10 minutes would drop events during a long PostgreSQL or subscriber failure.
    /// </summary>
    public TimeSpan ExpiryTimeout { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a dead letter stays for operators to inspect and replay.</summary>
    public TimeSpan DeadLetterLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a delivery may take before the event is handed out again: also how long events that a
    /// dead silo had taken wait before another silo delivers them.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries tried before an event becomes a dead letter.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Queues (table partitions) per provider: each is pulled by one silo at a time.</summary>
    public int Partitions { get; set; } = 4;

    public IEnumerable<string> Problems()
    {
        if (ExpiryTimeout < TimeSpan.FromMinutes(1))
        {
            yield return "Warden:Streams:ExpiryTimeout must be at least a minute";
        }

        if (DeadLetterLifetime < TimeSpan.FromMinutes(1))
        {
            yield return "Warden:Streams:DeadLetterLifetime must be at least a minute";
        }

        if (VisibilityTimeout < TimeSpan.FromSeconds(1))
        {
            yield return "Warden:Streams:VisibilityTimeout must be at least a second";
        }

        if (MaxAttempts is < 1 or > 1000)
        {
            yield return "Warden:Streams:MaxAttempts must be between 1 and 1000";
        }

        if (Partitions is < 1 or > 64)
        {
            yield return "Warden:Streams:Partitions must be between 1 and 64";
        }
    }
}
