using Npgsql;
using Warden.Integration.Tests.Infrastructure;

namespace Warden.Integration.Tests.Storage;

/// <summary>
/// The six query texts the ADO.NET stream provider reads from OrleansQuery, run exactly as it runs them
/// (its @parameter names and result columns): lease, confirm by receipt, fail, dead-letter and evict.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StreamQueryTests(PostgresFixture postgres)
{
    private const string Service = "svc";
    private const string Provider = "warden";
    private const string Queue = "q-0";

    [Fact]
    public async Task Messages_are_leased_in_order_confirmed_by_receipt_retried_and_dead_lettered()
    {
        await using var db = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync("stream_queries"));
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var queued = await RowsAsync(db, "QueueStreamMessageKey", ("Payload", new byte[] { (byte)i }), ("ExpiryTimeout", 600));
            queued.Should().ContainSingle().Which["queueid"].Should().Be(Queue);
            ids.Add((long)queued[0]["messageid"]);
        }

        ids.Should().BeInAscendingOrder();
        var first = await GetAsync(db, maxCount: 2, maxAttempts: 2, visibilitySeconds: 60);
        first.Select(r => (long)r["messageid"]).Should().Equal(ids[0], ids[1]);
        first.Should().OnlyContain(r => (int)r["dequeued"] == 1 && ((byte[])r["payload"]).Length == 1);
        (await GetAsync(db, maxCount: 10, maxAttempts: 2, visibilitySeconds: 60)).Select(r => (long)r["messageid"]).Should().Equal([ids[2]], "leased messages stay hidden");

        var confirmed = await RowsAsync(db, "ConfirmStreamMessagesKey", ("Items", $"{ids[0]}:1|{ids[2]}:7"));
        confirmed.Select(r => (long)r["messageid"]).Should().Equal([ids[0]], "a receipt from another lease confirms nothing");

        await RowsAsync(db, "FailStreamMessageKey", ("MessageId", ids[1]), ("MaxAttempts", 2), ("RemovalTimeout", 600));
        (await GetAsync(db, maxCount: 10, maxAttempts: 2, visibilitySeconds: 60)).Should().ContainSingle()
            .Which["dequeued"].Should().Be(2, "a failed delivery is visible again at once while attempts remain");
        await RowsAsync(db, "FailStreamMessageKey", ("MessageId", ids[1]), ("MaxAttempts", 2), ("RemovalTimeout", 600));
        (await DeadLettersAsync(db)).Should().Equal([ids[1]], "out of attempts, it is a dead letter");

        // A fourth message whose lease ends at once: with one attempt allowed, eviction moves it; the third, still leased, stays.
        var fourth = (long)(await RowsAsync(db, "QueueStreamMessageKey", ("Payload", new byte[] { 4 }), ("ExpiryTimeout", 600)))[0]["messageid"];
        (await GetAsync(db, maxCount: 10, maxAttempts: 5, visibilitySeconds: 0)).Select(r => (long)r["messageid"]).Should().Equal([fourth]);
        await RowsAsync(db, "EvictStreamMessagesKey", ("BatchSize", 10), ("MaxAttempts", 1), ("RemovalTimeout", 0));
        (await DeadLettersAsync(db)).Should().Equal(ids[1], fourth);
        await RowsAsync(db, "EvictStreamDeadLettersKey", ("BatchSize", 10));
        (await DeadLettersAsync(db)).Should().Equal([ids[1]], "only dead letters past their removal time are deleted");
    }

    private static Task<List<Dictionary<string, object>>> GetAsync(NpgsqlDataSource db, int maxCount, int maxAttempts, int visibilitySeconds) =>
        RowsAsync(db, "GetStreamMessagesKey", ("MaxCount", maxCount), ("MaxAttempts", maxAttempts), ("VisibilityTimeout", visibilitySeconds),
            ("RemovalTimeout", 600), ("EvictionInterval", 600), ("EvictionBatchSize", 10));

    private static async Task<List<long>> DeadLettersAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("SELECT MessageId FROM OrleansStreamDeadLetter ORDER BY MessageId");
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>Runs a stored query text with the provider's named parameters; result columns keyed in lower case.</summary>
    private static async Task<List<Dictionary<string, object>>> RowsAsync(NpgsqlDataSource db, string key, params (string Name, object Value)[] parameters)
    {
        string text;
        await using (var lookup = db.CreateCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = $1"))
        {
            lookup.Parameters.AddWithValue(key);
            text = (string)(await lookup.ExecuteScalarAsync())!;
        }

        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(text, connection);
        command.Parameters.AddWithValue("ServiceId", Service);
        command.Parameters.AddWithValue("ProviderId", Provider);
        command.Parameters.AddWithValue("QueueId", Queue);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<Dictionary<string, object>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(i => reader.GetName(i).ToLowerInvariant(), reader.GetValue));
        }

        return rows;
    }
}
