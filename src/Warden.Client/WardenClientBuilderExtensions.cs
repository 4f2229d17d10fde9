using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Warden.Abstractions.Runtime;

namespace Warden.Client;

/// <summary>Adds a Warden cluster client to a service's own host.</summary>
public static class WardenClientBuilderExtensions
{
    public static IClientBuilder UseWarden(this IClientBuilder client, WardenClientOptions options)
    {
        options.Validate();
        client.Services.AddSingleton(options);
        client.Configure<ClusterOptions>(o =>
        {
            o.ServiceId = options.ServiceId;
            o.ClusterId = options.ClusterId;
        });
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = options.GatewayListRefreshPeriod);
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = options.ResponseTimeout);
        client.UseConnectionRetryFilter<StartupRetryFilter>();
        // Subscribe to warden.enforcement; publish label writes to warden.labels. Durable in a cluster.
        if (options.UseCluster)
        {
            void Configure(AdoNetStreamOptions o)
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = options.ConnectionString;
                o.ExpiryTimeout = options.Streams.ExpiryTimeout;
                o.DeadLetterEvictionTimeout = options.Streams.DeadLetterLifetime;
                o.MaxAttempts = options.Streams.MaxAttempts;
                o.VisibilityTimeout = options.Streams.VisibilityTimeout;
            }

            client.AddAdoNetStreams(WardenProviders.Streams, c =>
            {
                c.ConfigureAdoNet(o => o.Configure(Configure));
                c.ConfigurePartitioning(options.Streams.Partitions);
            });
            client.AddAdoNetStreams(WardenProviders.IngestStreams, c =>
            {
                c.ConfigureAdoNet(o => o.Configure(Configure));
                c.ConfigurePartitioning(options.Streams.Partitions);
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = options.ConnectionString;
            });
        }
        else
        {
            client.AddMemoryStreams(WardenProviders.Streams);
            client.AddMemoryStreams(WardenProviders.IngestStreams);
            client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
        }

        return client;
    }
}
