using Npgsql;

namespace Warden.Testing;

/// <summary>Applies deploy/sql to a database, file by file in name order, as the deploy scripts do.</summary>
public static class SqlSchema
{
    public static IReadOnlyList<string> Files() =>
        [.. Directory.GetFiles(RepositoryPaths.SqlDirectory, "*.sql").Order(StringComparer.Ordinal)];

    public static async Task ApplyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var file in Files())
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(await File.ReadAllTextAsync(file, cancellationToken), connection, transaction);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException e)
            {
                throw new InvalidOperationException($"{Path.GetFileName(file)}: {e.MessageText} (at {e.Position})", e);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }
}
