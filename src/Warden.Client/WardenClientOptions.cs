namespace Warden.Client;

/// <summary>How a client service finds a Warden cluster.</summary>
public sealed class WardenClientOptions
{
    public const string SectionName = "WardenClient";

    /// <summary>Development: one local silo's gateway. Cluster: the gateway list in PostgreSQL.</summary>
    public bool UseCluster { get; set; }

    public string ServiceId { get; set; } = "warden";

    public string ClusterId { get; set; } = "warden-local";

    /// <summary>Gateway port of the local silo in development mode.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>PostgreSQL connection string holding the membership table, in cluster mode.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Attempts to reach a gateway at start-up before giving up.</summary>
    public int ConnectAttempts { get; set; } = 10;

    /// <summary>Delay before the second attempt; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the client re-reads the gateway list, so it learns of new and dead silos.</summary>
    public TimeSpan GatewayListRefreshPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one grain call may take before it fails with a timeout.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Durable streams in cluster mode: must match the silos' <c>Warden:Streams</c>.</summary>
    public Warden.Abstractions.Runtime.DurableStreamSettings Streams { get; set; } = new();

    internal void Validate()
    {
        var errors = new List<string>(Streams.Problems());
        if (string.IsNullOrWhiteSpace(ServiceId)) errors.Add($"{nameof(ServiceId)} must not be empty.");
        if (string.IsNullOrWhiteSpace(ClusterId)) errors.Add($"{nameof(ClusterId)} must not be empty.");
        if (UseCluster && string.IsNullOrWhiteSpace(ConnectionString)) errors.Add($"{nameof(ConnectionString)} is required to find a cluster's gateways.");
        if (!UseCluster && GatewayPort is < 1 or > 65535) errors.Add($"{nameof(GatewayPort)} must be a TCP port, not {GatewayPort}.");
        if (ConnectAttempts < 1) errors.Add($"{nameof(ConnectAttempts)} must be at least 1, not {ConnectAttempts}.");
        if (FirstRetryDelay <= TimeSpan.Zero || MaxRetryDelay < FirstRetryDelay) errors.Add($"{nameof(FirstRetryDelay)} must be positive and at most {nameof(MaxRetryDelay)}.");
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid Warden client options: " + string.Join(" ", errors));
        }
    }
}
