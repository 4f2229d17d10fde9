using Npgsql;
using Warden.Integration.Tests.Infrastructure;

namespace Warden.Integration.Tests.Storage;

/// <summary>
/// The query texts in OrleansQuery, run with the parameters the providers bind, for the paths the
/// grain-level tests do not reach: clearing and deleting state, and removing defunct silos.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StoredQueryTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Grain_state_versions_advance_and_stale_versions_change_nothing()
    {
        await using var db = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync("queries_state"));

        (await StateAsync(db, "WriteToStorageKey", version: null, payload: [1])).Should().Be(1, "a first write inserts version 1");
        (await StateAsync(db, "WriteToStorageKey", version: null, payload: [9])).Should().BeNull("a second first-write is a concurrent activation");
        (await StateAsync(db, "WriteToStorageKey", version: 1, payload: [2])).Should().Be(2);
        (await StateAsync(db, "WriteToStorageKey", version: 1, payload: [9])).Should().BeNull("version 1 is stale");
        await ShouldHoldAsync(db, [2], 2);

        (await StateAsync(db, "ClearStorageKey", version: 2)).Should().Be(3);
        await ShouldHoldAsync(db, null, 3);
        (await StateAsync(db, "ClearStorageKey", version: 2)).Should().BeNull("version 2 is stale");

        (await StateAsync(db, "DeleteStorageKey", version: 3)).Should().Be(4);
        (await ReadAsync(db)).Should().BeNull("the row is gone");
        (await StateAsync(db, "WriteToStorageKey", version: 4, payload: [5])).Should().Be(5, "the grain writes again with the version the delete handed it");
        await ShouldHoldAsync(db, [5], 5);
    }

    [Fact]
    public async Task Only_a_dead_silo_row_that_still_matches_what_was_read_is_cleaned_up()
    {
        await using var db = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync("queries_defunct"));
        var started = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var alive = started.AddMinutes(5);
        await using (var version = db.CreateCommand("INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES ('c')"))
        {
            await version.ExecuteNonQueryAsync();
        }

        await using (var setup = db.CreateCommand(
            "INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime) " +
            "VALUES ('c', '127.0.0.1', 1, 1, 's1', 'h', 6, 2, $1, $2), ('c', '127.0.0.1', 3, 1, 's3', 'h', 3, 4, $1, $2)"))
        {
            setup.Parameters.AddWithValue(started);
            setup.Parameters.AddWithValue(alive);
            await setup.ExecuteNonQueryAsync();
        }

        await CleanupAsync(db, port: 1, started, alive.AddSeconds(1));
        await CleanupAsync(db, port: 3, started, alive);
        (await MemberPortsAsync(db)).Should().Equal([1, 3], "a changed heartbeat or a live silo is left alone");

        await CleanupAsync(db, port: 1, started, alive);
        (await MemberPortsAsync(db)).Should().Equal([3]);
    }

    private static async Task ShouldHoldAsync(NpgsqlDataSource db, byte[]? payload, int version)
    {
        var row = await ReadAsync(db);
        row.Should().NotBeNull();
        row!.Value.Version.Should().Be(version);
        if (payload is null)
        {
            row.Value.Payload.Should().BeNull("a cleared row keeps its version and loses its payload");
        }
        else
        {
            row.Value.Payload.Should().Equal(payload);
        }
    }

    private static async Task<string> QueryAsync(NpgsqlDataSource db, string key)
    {
        await using var command = db.CreateCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = $1");
        command.Parameters.AddWithValue(key);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int?> StateAsync(NpgsqlDataSource db, string key, int? version, byte[]? payload = null)
    {
        await using var command = db.CreateCommand(await QueryAsync(db, key));
        AddGrainIdentity(command);
        command.Parameters.AddWithValue("GrainStateVersion", (object?)version ?? DBNull.Value);
        if (payload is not null)
        {
            command.Parameters.AddWithValue("PayloadBinary", payload);
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? null : Convert.ToInt32(result);
    }

    private static async Task<(byte[]? Payload, int Version)?> ReadAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand(await QueryAsync(db, "ReadFromStorageKey"));
        AddGrainIdentity(command);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        return (reader.IsDBNull(0) ? null : (byte[])reader[0], reader.GetInt32(1));
    }

    private static void AddGrainIdentity(NpgsqlCommand command)
    {
        command.Parameters.AddWithValue("GrainIdHash", 42);
        command.Parameters.AddWithValue("GrainIdN0", 0L);
        command.Parameters.AddWithValue("GrainIdN1", 0L);
        command.Parameters.AddWithValue("GrainTypeHash", 7);
        command.Parameters.AddWithValue("GrainTypeString", "entity");
        command.Parameters.AddWithValue("GrainIdExtensionString", "pin:1233211212");
        command.Parameters.AddWithValue("ServiceId", "warden");
    }

    private static async Task CleanupAsync(NpgsqlDataSource db, int port, DateTime started, DateTime alive)
    {
        await using var command = db.CreateCommand(await QueryAsync(db, "CleanupDefunctSiloEntryKey"));
        command.Parameters.AddWithValue("DeploymentId", "c");
        command.Parameters.AddWithValue("Address", "127.0.0.1");
        command.Parameters.AddWithValue("Port", port);
        command.Parameters.AddWithValue("Generation", 1);
        command.Parameters.AddWithValue("SuspectTimes", DBNull.Value);
        command.Parameters.AddWithValue("StartTime", started);
        command.Parameters.AddWithValue("IAmAliveTime", alive);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<int>> MemberPortsAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("SELECT Port FROM OrleansMembershipTable ORDER BY Port");
        await using var reader = await command.ExecuteReaderAsync();
        var ports = new List<int>();
        while (await reader.ReadAsync())
        {
            ports.Add(reader.GetInt32(0));
        }

        return ports;
    }
}
