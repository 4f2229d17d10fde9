namespace Warden.Abstractions.Runtime;

/// <summary>Names of the Orleans providers every Warden silo registers, shared by grains and hosts.</summary>
public static class WardenProviders
{
    /// <summary>Grain state: PostgreSQL in cluster mode, memory in development.</summary>
    public const string GrainStorage = "warden";

    /// <summary>Stream provider for fan-out events (warden.content, warden.labels, …).</summary>
    public const string Streams = "warden";

    /// <summary>Stream provider for ingestion into implicitly subscribed grains: no pub-sub bookkeeping.</summary>
    public const string IngestStreams = "warden-ingest";

    /// <summary>The storage Orleans' stream pub-sub looks up by this fixed name.</summary>
    public const string PubSubStorage = "PubSubStore";
}
