namespace Warden.Silo.Hosting;

/// <summary>
/// The settings of one silo process, bound from the <c>Warden</c> configuration section
/// (environment: <c>Warden__SiloPort=11112</c> and so on).
/// </summary>
public sealed class HostSettings
{
    public const string SectionName = "Warden";

    public HostMode Mode { get; set; } = HostMode.Development;

    /// <summary>Stable across deployments: it is part of every stored grain and reminder key.</summary>
    public string ServiceId { get; set; } = "warden";

    /// <summary>Silos and clients with the same cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = "warden-local";

    /// <summary>The address other silos and clients use to reach this silo.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>Interface the HTTP facade, health endpoints and dashboard listen on.</summary>
    public string HttpAddress { get; set; } = "127.0.0.1";

    public int HttpPort { get; set; } = 8080;

    /// <summary>
    /// Answers <c>GET /bare</c> with a constant body before any middleware runs: the host's HTTP ceiling,
    /// which benchmarks put beside the API's figures. Off by default; it serves nothing an operator needs.
    /// </summary>
    public bool BareEndpoint { get; set; }

    /// <summary>PostgreSQL connection string; required in cluster mode.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Every problem with these settings, each naming its field; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        RequireText(errors, nameof(ServiceId), ServiceId);
        RequireText(errors, nameof(ClusterId), ClusterId);
        if (!System.Net.IPAddress.TryParse(AdvertisedAddress, out _))
        {
            errors.Add($"{SectionName}:{nameof(AdvertisedAddress)} must be an IP address, not '{AdvertisedAddress}'.");
        }

        if (!System.Net.IPAddress.TryParse(HttpAddress, out _))
        {
            errors.Add($"{SectionName}:{nameof(HttpAddress)} must be an IP address, not '{HttpAddress}'.");
        }

        RequirePort(errors, nameof(SiloPort), SiloPort);
        RequirePort(errors, nameof(GatewayPort), GatewayPort);
        RequirePort(errors, nameof(HttpPort), HttpPort);
        var ports = new[] { SiloPort, GatewayPort, HttpPort };
        if (ports.Distinct().Count() != ports.Length)
        {
            errors.Add($"{SectionName}:{nameof(SiloPort)}, {nameof(GatewayPort)} and {nameof(HttpPort)} must differ ({SiloPort}, {GatewayPort}, {HttpPort}).");
        }

        if (Mode == HostMode.Cluster && string.IsNullOrWhiteSpace(ConnectionString))
        {
            errors.Add($"{SectionName}:{nameof(ConnectionString)} is required in cluster mode.");
        }

        return errors;
    }

    private static void RequireText(List<string> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{SectionName}:{field} must not be empty.");
        }
    }

    private static void RequirePort(List<string> errors, string field, int port)
    {
        if (port is < 1 or > 65535)
        {
            errors.Add($"{SectionName}:{field} must be a TCP port between 1 and 65535, not {port}.");
        }
    }
}
