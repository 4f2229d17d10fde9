using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Warden.Silo.Hosting;

/// <summary>Ready only while PostgreSQL answers, and the Orleans queries are installed there.</summary>
public sealed class StorageHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM OrleansQuery");
            var queries = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return queries > 0
                ? HealthCheckResult.Healthy($"PostgreSQL reachable, {queries} Orleans queries installed")
                : HealthCheckResult.Unhealthy("PostgreSQL reachable but the schema in deploy/sql was not applied");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL unreachable: " + e.Message);
        }
    }
}
