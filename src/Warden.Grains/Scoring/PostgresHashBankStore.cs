using Npgsql;
using Warden.Abstractions.Scoring;

namespace Warden.Grains.Scoring;

public sealed class PostgresHashBankStore(NpgsqlDataSource db) : IHashBankStore
{
    private const int Chunk = 50_000;

    public async Task WriteAsync(string bank, int version, IReadOnlyList<HashBankEntry> entries, bool replace)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (replace)
        {
            await using var delete = new NpgsqlCommand("DELETE FROM hash_bank_entries WHERE bank = $1", connection, transaction);
            delete.Parameters.AddWithValue(bank);
            await delete.ExecuteNonQueryAsync();
        }

        foreach (var chunk in entries.Chunk(Chunk))
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO hash_bank_entries (bank, kind, hash, label, version)
                SELECT $1, e.kind, e.hash, e.label, $2 FROM unnest($3::smallint[], $4::text[], $5::text[]) AS e(kind, hash, label)
                ON CONFLICT (bank, kind, hash) DO UPDATE SET label = EXCLUDED.label
                """, connection, transaction);
            insert.Parameters.AddWithValue(bank);
            insert.Parameters.AddWithValue(version);
            insert.Parameters.AddWithValue(chunk.Select(e => (short)e.Kind).ToArray());
            insert.Parameters.AddWithValue(chunk.Select(e => e.Hash).ToArray());
            insert.Parameters.Add(new NpgsqlParameter { Value = chunk.Select(e => e.Label).ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    public async Task<IReadOnlyList<HashBankEntry>> ReadAsync(string bank)
    {
        await using var command = db.CreateCommand("SELECT kind, hash, label FROM hash_bank_entries WHERE bank = $1");
        command.Parameters.AddWithValue(bank);
        var entries = new List<HashBankEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(new HashBankEntry((HashKind)reader.GetInt16(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return entries;
    }

    public async Task<(int Pdq, int Sha256)> CountAsync(string bank)
    {
        await using var command = db.CreateCommand("SELECT count(*) FILTER (WHERE kind = 0), count(*) FILTER (WHERE kind = 1) FROM hash_bank_entries WHERE bank = $1");
        command.Parameters.AddWithValue(bank);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }
}
