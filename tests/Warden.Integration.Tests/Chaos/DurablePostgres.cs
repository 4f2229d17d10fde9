using Warden.Testing;

namespace Warden.Integration.Tests.Chaos;

/// <summary>
/// A PostgreSQL server with fsync and synchronous commit on, as in production: the suite crashes it, and a
/// server that acknowledges commits before they reach the WAL would lose them by design, not by a bug.
/// </summary>
public sealed class DurablePostgres : IAsyncLifetime
{
    private int _databases;

    public PostgresServer Server { get; private set; } = null!;

    public Task<string> CreateDatabaseAsync(string purpose) => Server.CreateDatabaseAsync($"{purpose}_{Interlocked.Increment(ref _databases)}");

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync(durable: true);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
