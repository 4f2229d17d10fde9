namespace Warden.Abstractions.Runtime;

/// <summary>Stream namespaces, and how their ids are keyed.</summary>
public static class WardenStreams
{
    /// <summary>
    /// Label writes for ingestion, keyed by entity key, on provider <see cref="WardenProviders.IngestStreams"/>;
    /// each entity grain consumes its own stream (implicit subscription).
    /// </summary>
    public const string Labels = "warden.labels";

    /// <summary>
    /// <see cref="Labels.EnforcementChanged"/> events on provider <see cref="WardenProviders.Streams"/>, keyed
    /// by partition "0".."15" (<see cref="EnforcementPartition"/>): a consumer subscribes to all 16.
    /// </summary>
    public const string Enforcement = "warden.enforcement";

    public const int EnforcementPartitions = 16;

    /// <summary>The partition of an entity's enforcement events: stable across processes.</summary>
    public static string EnforcementPartition(string entity)
    {
        var hash = 2166136261u;
        foreach (var c in entity)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (hash % EnforcementPartitions).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
