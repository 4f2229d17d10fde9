using Npgsql;
using Warden.Testing;

namespace Warden.Integration.Tests.Infrastructure;

/// <summary>
/// Drives deploy/local/*.sh against the fixture's PostgreSQL, in a private state folder and on free
/// ports, so a test exercises exactly what an operator runs.
/// </summary>
public sealed class LocalClusterScripts : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;

    public LocalClusterScripts(string connectionString, string clusterId, IDictionary<string, string>? siloSettings = null, int maxSilos = 2)
    {
        StateDirectory = Directory.CreateTempSubdirectory("warden-local-").FullName;
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        BaseSiloPort = FreePort.NextRun(maxSilos);
        BaseGatewayPort = FreePort.NextRun(maxSilos);
        BaseHttpPort = FreePort.NextRun(maxSilos);
        _environment = new Dictionary<string, string>(siloSettings ?? new Dictionary<string, string>())
        {
            ["WARDEN_STATE_DIR"] = StateDirectory,
            ["WARDEN_PG_CONNINFO"] = $"host={npgsql.Host} port={npgsql.Port} user={npgsql.Username} dbname={npgsql.Database}",
            ["WARDEN_CONNECTION_STRING"] = connectionString,
            ["WARDEN_SILO_DLL"] = RepositoryPaths.BuiltAssembly("Warden.Silo", "Warden.Silo.dll"),
            ["WARDEN_CLUSTER_ID"] = clusterId,
            ["WARDEN_SERVICE_ID"] = clusterId,
            ["WARDEN_BASE_SILO_PORT"] = BaseSiloPort.ToString(),
            ["WARDEN_BASE_GATEWAY_PORT"] = BaseGatewayPort.ToString(),
            ["WARDEN_BASE_HTTP_PORT"] = BaseHttpPort.ToString(),
        };
    }

    public string StateDirectory { get; }

    public string ClusterId => _environment["WARDEN_CLUSTER_ID"];

    public int BaseSiloPort { get; }

    public int BaseGatewayPort { get; }

    public int BaseHttpPort { get; }

    public Task<string> ApplySchemaAsync() => RunAsync("schema.sh");

    public Task<string> StartSilosAsync(int count) => RunAsync("silos.sh", "start", count.ToString());

    public Task<string> StopSilosAsync() => RunAsync("silos.sh", "stop");

    /// <summary>(Re)starts the silo of <paramref name="siloPort"/> and waits until it is ready.</summary>
    public Task<string> StartSiloAsync(int siloPort) => RunAsync("silos.sh", "start-one", siloPort.ToString());

    public int HttpPort(int siloPort) => BaseHttpPort + (siloPort - BaseSiloPort);

    public int GatewayPort(int siloPort) => BaseGatewayPort + (siloPort - BaseSiloPort);

    /// <summary>The pid silos.sh recorded for the silo listening on <paramref name="siloPort"/>.</summary>
    public int SiloPid(int siloPort) =>
        int.Parse(File.ReadAllText(Path.Combine(StateDirectory, "run", $"silo-{siloPort}.pid")).Trim());

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopSilosAsync();
        }
        finally
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }

    private Task<string> RunAsync(string script, params string[] arguments) =>
        ProcessRunner.RunAsync("bash", [Path.Combine(RepositoryPaths.LocalDeployDirectory, script), .. arguments], _environment, TimeSpan.FromMinutes(4));
}
