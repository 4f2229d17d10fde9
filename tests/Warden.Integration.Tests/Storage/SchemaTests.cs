using System.Reflection;
using Npgsql;
using Orleans.Runtime.MembershipService;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;

namespace Warden.Integration.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class SchemaTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Applying_the_schema_again_changes_nothing()
    {
        var connectionString = await postgres.CreateDatabaseAsync("schema_twice");
        var before = await QueryTextsAsync(connectionString);

        await SqlSchema.ApplyAsync(connectionString);

        (await QueryTextsAsync(connectionString)).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task Every_query_key_the_clustering_and_reminder_providers_require_is_installed()
    {
        var connectionString = await postgres.CreateDatabaseAsync("schema_keys");
        var installed = (await QueryTextsAsync(connectionString)).Keys;

        // The providers list their required keys as properties of an internal DbStoredQueries class
        // and refuse to start when one is missing; read that list from the shipped assemblies.
        var required = RequiredKeys(typeof(AdoNetClusteringTable).Assembly)
            .Concat(RequiredKeys(typeof(Orleans.Configuration.AdoNetReminderTableOptions).Assembly))
            .Concat(["WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey"])
            .Concat(StreamingKeys())
            .ToList();

        required.Should().HaveCountGreaterThan(21);
        installed.Should().Contain(required);
    }

    /// <summary>The stream provider names its keys as string literals in its assembly: the ones ending in "StreamMessage(s)Key" or "DeadLettersKey".</summary>
    private static IEnumerable<string> StreamingKeys()
    {
        var assembly = typeof(Orleans.Configuration.AdoNetStreamOptions).Assembly;
        var keys = assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => v.EndsWith("Key", StringComparison.Ordinal) && v.Contains("Stream", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        return keys.Count > 0 ? keys : ["QueueStreamMessageKey", "GetStreamMessagesKey", "ConfirmStreamMessagesKey", "FailStreamMessageKey", "EvictStreamMessagesKey", "EvictStreamDeadLettersKey"];
    }

    private static IEnumerable<string> RequiredKeys(Assembly provider) =>
        provider.GetTypes()
            .Single(t => t.Name == "DbStoredQueries")
            .GetProperties(BindingFlags.Instance | BindingFlags.NonPublic)
            .Select(p => p.Name);

    private static async Task<Dictionary<string, string>> QueryTextsAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT QueryKey, QueryText FROM OrleansQuery");
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new Dictionary<string, string>();
        while (await reader.ReadAsync())
        {
            texts[reader.GetString(0)] = reader.GetString(1);
        }

        return texts;
    }
}
