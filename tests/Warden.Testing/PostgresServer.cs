using Npgsql;

namespace Warden.Testing;

/// <summary>
/// A throwaway PostgreSQL server from the machine's binaries: initdb in a temporary folder, a free
/// loopback port, gone on dispose. When the process runs as root the server runs as <c>postgres</c>,
/// because initdb refuses root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string SuperUser = "warden";
    private readonly string _root;
    private readonly string _bin;
    private readonly bool _asPostgresUser;

    private PostgresServer(string root, string bin, int port, bool asPostgresUser)
    {
        _root = root;
        _bin = bin;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_root, "data");

    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
        MaxPoolSize = 200,
        // Every test gets its own database, so every test leaves a pool behind: close idle
        // connections within seconds instead of Npgsql's default five minutes.
        ConnectionIdleLifetime = 5,
        ConnectionPruningInterval = 1,
    }.ConnectionString;

    /// <summary>Starts a server. <paramref name="durable"/> keeps fsync on, for benchmarks that must count it.</summary>
    public static async Task<PostgresServer> StartAsync(bool durable = false)
    {
        var bin = Environment.GetEnvironmentVariable("WARDEN_PG_BIN") ?? "/usr/lib/postgresql/15/bin";
        if (!File.Exists(Path.Combine(bin, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL binaries not found in {bin}: run .ci/run (or apt-get install postgresql-15), or set WARDEN_PG_BIN.");
        }

        var root = Directory.CreateTempSubdirectory("warden-pg-").FullName;
        var asPostgresUser = Environment.UserName == "root";
        var server = new PostgresServer(root, bin, FreePort.Next(), asPostgresUser);
        if (asPostgresUser)
        {
            // The temp folder is private to root; the server's user must be able to enter it.
            await ProcessRunner.RunAsync("chmod", ["711", root]);
            await ProcessRunner.RunAsync("chown", ["postgres", root]);
        }

        await server.PgAsync("initdb", "-D", server.DataDirectory, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        var settings = new List<string>
        {
            "listen_addresses='127.0.0.1'", $"port={server.Port}", $"unix_socket_directories='{root}'",
            "max_connections=800", "timezone='UTC'", "shared_buffers=128MB",
        };
        if (!durable)
        {
            settings.AddRange(["fsync=off", "synchronous_commit=off", "full_page_writes=off"]);
        }

        await File.AppendAllLinesAsync(Path.Combine(server.DataDirectory, "postgresql.conf"), settings);
        await server.PgAsync("pg_ctl", "start", "-w", "-t", "60", "-D", server.DataDirectory, "-l", Path.Combine(root, "server.log"));
        return server;
    }

    /// <summary>Creates an empty database with the deploy/sql schema applied and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(ConnectionString()))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = ConnectionString(name);
        await SqlSchema.ApplyAsync(connectionString);
        return connectionString;
    }

    /// <summary>Crashes the server (<c>pg_ctl stop -m immediate</c>: no checkpoint; the next start recovers from the WAL).</summary>
    public Task CrashAsync() => PgAsync("pg_ctl", "stop", "-m", "immediate", "-w", "-D", DataDirectory);

    /// <summary>Starts the server again after <see cref="CrashAsync"/> and waits until it accepts connections.</summary>
    public Task RecoverAsync() => PgAsync("pg_ctl", "start", "-w", "-t", "60", "-D", DataDirectory, "-l", Path.Combine(_root, "server.log"));

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await PgAsync("pg_ctl", "stop", "-m", "immediate", "-w", "-D", DataDirectory);
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private Task<string> PgAsync(string tool, params string[] arguments)
    {
        var executable = Path.Combine(_bin, tool);
        return _asPostgresUser
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", executable, .. arguments])
            : ProcessRunner.RunAsync(executable, arguments);
    }
}
