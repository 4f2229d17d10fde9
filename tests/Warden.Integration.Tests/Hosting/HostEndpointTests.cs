using System.Net;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;

namespace Warden.Integration.Tests.Hosting;

[Collection(PostgresCollection.Name)]
public sealed class HostEndpointTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_cluster_mode_silo_is_alive_ready_and_serves_the_dashboard()
    {
        var connectionString = await postgres.CreateDatabaseAsync("host_ready");
        await using var silo = await LoopbackSilo.StartAsync(connectionString, "host-" + Guid.NewGuid().ToString("N")[..8]);
        var http = silo.Http;

        (await http.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ready = await Eventually.Succeeds(() => http.GetAsync("/readyz"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "readiness");
        var report = await ready.Content.ReadAsStringAsync();
        report.Should().Contain("\"silo\"").And.Contain("\"storage\"").And.Contain("Orleans queries installed");
        (await http.GetAsync("/dashboard/")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Readiness_fails_with_the_reason_when_storage_goes_away()
    {
        var connectionString = await postgres.CreateDatabaseAsync("host_storage_gone");
        await using var silo = await LoopbackSilo.StartAsync(connectionString, "host-" + Guid.NewGuid().ToString("N")[..8]);
        var http = silo.Http;
        await Eventually.Succeeds(() => http.GetAsync("/readyz"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "readiness");

        await using (var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString))
        {
            await using var drop = dataSource.CreateCommand("DELETE FROM OrleansQuery");
            await drop.ExecuteNonQueryAsync();
        }

        var notReady = await http.GetAsync("/readyz");
        notReady.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await notReady.Content.ReadAsStringAsync()).Should().Contain("schema in deploy/sql was not applied");
        (await http.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK, "the process itself is still alive");
    }
}
