using System.Diagnostics;
using Npgsql;

namespace Warden.Benchmarks;

/// <summary>
/// What each operation costs, for the capacity model: CPU of this process (client and silo together), CPU of
/// the PostgreSQL server's processes, WAL bytes (from the WAL position) and write transactions (from the next
/// transaction id), read before and after a scenario's measured runs. Both readings are exact at once, unlike
/// the statistics views, which backends report late.
/// </summary>
public sealed class OperationCosts(NpgsqlDataSource db)
{
    public sealed record Reading(TimeSpan ProcessCpu, TimeSpan PostgresCpu, long WalPosition, long NextTransaction);

    public sealed record PerItem(double CpuMicroseconds, double PostgresCpuMicroseconds, double WalBytes, double WriteTransactions)
    {
        public override string ToString() =>
            $"{CpuMicroseconds:F0} µs CPU in the silo process + {PostgresCpuMicroseconds:F0} µs in PostgreSQL, {WalBytes:F0} B WAL, {WriteTransactions:F2} write transactions per item";
    }

    public async Task<Reading> ReadAsync()
    {
        await using var command = db.CreateCommand("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn, pg_snapshot_xmax(pg_current_snapshot())::text::bigint");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var wal = (long)reader.GetDecimal(0);
        var next = reader.GetInt64(1);
        using var self = Process.GetCurrentProcess();
        return new Reading(self.TotalProcessorTime, PostgresCpu(), wal, next);
    }

    public static PerItem Between(Reading before, Reading after, long items) => new(
        (after.ProcessCpu - before.ProcessCpu).TotalMicroseconds / items,
        (after.PostgresCpu - before.PostgresCpu).TotalMicroseconds / items,
        (double)(after.WalPosition - before.WalPosition) / items,
        // The reading itself takes no transaction id: it writes nothing.
        (double)(after.NextTransaction - before.NextTransaction) / items);

    /// <summary>User and system time of every <c>postgres</c> process on the machine and of those that ended (the benchmark's server is the only one).</summary>
    private static TimeSpan PostgresCpu()
    {
        const double ticksPerSecond = 100; // USER_HZ on Linux
        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var close = stat.LastIndexOf(')');
                if (close < 0 || !stat.AsSpan(0, close).Contains("(postgres", StringComparison.Ordinal))
                {
                    continue;
                }

                // Fields after the command name: state is field 3; utime, stime, cutime and cstime are fields 14 to 17.
                // cutime and cstime hold the backends that already exited (the postmaster reaped them).
                var fields = stat[(close + 2)..].Split(' ');
                ticks += fields[11..15].Sum(f => long.Parse(f, System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // The process ended while being read.
            }
        }

        return TimeSpan.FromSeconds(ticks / ticksPerSecond);
    }
}
