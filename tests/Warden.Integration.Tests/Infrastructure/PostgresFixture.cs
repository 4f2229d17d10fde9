using Warden.Testing;

namespace Warden.Integration.Tests.Infrastructure;

/// <summary>One throwaway PostgreSQL server for the whole run; each test class takes its own database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private int _databases;
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("PostgreSQL is not started.");

    /// <summary>A fresh database with deploy/sql applied.</summary>
    public Task<string> CreateDatabaseAsync(string purpose) =>
        Server.CreateDatabaseAsync($"{purpose}_{Interlocked.Increment(ref _databases)}");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
