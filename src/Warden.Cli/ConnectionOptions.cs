using System.CommandLine;
using Warden.Client;

namespace Warden.Cli;

/// <summary>How every verb finds the cluster: a PostgreSQL membership table, or a local silo's gateway.</summary>
internal sealed class ConnectionOptions
{
    public Option<string?> Cluster { get; } = new("--cluster")
    {
        Description = "PostgreSQL connection string of a cluster-mode deployment (default: $WARDEN_CONNECTION_STRING; without either, a development silo)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("WARDEN_CONNECTION_STRING"),
    };

    public Option<int> Gateway { get; } = new("--gateway") { Description = "Gateway port of a development silo", DefaultValueFactory = _ => 30000 };

    public Option<string> ServiceId { get; } = new("--service-id") { DefaultValueFactory = _ => "warden" };

    public Option<string> ClusterId { get; } = new("--cluster-id") { DefaultValueFactory = _ => "warden-local" };

    public void AddTo(Command command)
    {
        command.Options.Add(Cluster);
        command.Options.Add(Gateway);
        command.Options.Add(ServiceId);
        command.Options.Add(ClusterId);
    }

    public WardenClientOptions Read(ParseResult parse) => new()
    {
        UseCluster = !string.IsNullOrWhiteSpace(parse.GetValue(Cluster)),
        ConnectionString = parse.GetValue(Cluster),
        GatewayPort = parse.GetValue(Gateway),
        ServiceId = parse.GetValue(ServiceId)!,
        ClusterId = parse.GetValue(ClusterId)!,
    };
}
