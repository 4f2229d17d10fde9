using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Warden.Abstractions.Runtime;
using Warden.Silo.Hosting;

namespace Warden.Integration.Tests.Infrastructure;

/// <summary>
/// Orleans TestCluster silos configured exactly as the Warden host configures them in cluster mode:
/// ADO.NET clustering, grain storage and reminders on the fixture's PostgreSQL.
/// </summary>
public static class WardenTestCluster
{
    /// <param name="settings">Extra configuration for the silos, e.g. <c>Warden:Actions:*</c>.</param>
    public static async Task<TestCluster> DeployAsync(string connectionString, string serviceId, int silos = 2, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.Options.ServiceId = serviceId;
        builder.Options.ClusterId = serviceId + "-cluster";
        builder.Options.UseTestClusterMembership = false;

        // Real sockets, so a process outside the test (the warden command) can reach the gateways.
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Warden:Mode"] = nameof(HostMode.Cluster),
            ["Warden:ServiceId"] = builder.Options.ServiceId,
            ["Warden:ClusterId"] = builder.Options.ClusterId,
            ["Warden:ConnectionString"] = connectionString,
            // Lets a test watch reminder ticks seconds apart instead of the production minute.
            ["Warden:Reminders:MinimumReminderPeriod"] = "00:00:01",
        }));
        if (settings is not null)
        {
            builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(settings));
        }

        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>
    /// Stops the silos while the client stays: for tests whose client subscribed to a stream. A silo still
    /// delivering an event to a client that was disposed first makes the Orleans client throw on a
    /// thread-pool thread, which ends the test process (the cluster's own disposal stops the client first).
    /// </summary>
    public static async Task StopSilosBeforeClientAsync(this TestCluster cluster)
    {
        foreach (var silo in cluster.Silos.ToList())
        {
            await cluster.StopSiloAsync(silo);
        }
    }

    private static HostSettings Settings(IConfiguration configuration) =>
        configuration.GetSection(HostSettings.SectionName).Get<HostSettings>()!;

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddWarden(Settings(siloBuilder.Configuration));
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
        {
            clientBuilder.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = Settings(configuration).ConnectionString;
            });
            var connectionString = Settings(configuration).ConnectionString;
            foreach (var provider in new[] { WardenProviders.Streams, WardenProviders.IngestStreams })
            {
                clientBuilder.AddAdoNetStreams(provider, c =>
                {
                    c.ConfigureAdoNet(o => o.Configure(s =>
                    {
                        s.Invariant = "Npgsql";
                        s.ConnectionString = connectionString;
                        s.ExpiryTimeout = new DurableStreamSettings().ExpiryTimeout;
                    }));
                    c.ConfigurePartitioning(new DurableStreamSettings().Partitions);
                });
            }
        }
    }
}
