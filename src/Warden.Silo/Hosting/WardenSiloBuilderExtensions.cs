using Orleans.Dashboard;
using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Warden.Abstractions.Runtime;
using Warden.Grains;
using Warden.Grains.Actions;
using Warden.Grains.Runtime;
using Warden.Grains.Scoring;
using Warden.Abstractions.Scoring;
using Warden.Core.Validation;

namespace Warden.Silo.Hosting;

/// <summary>Configures an Orleans silo the Warden way, for the host process and for test clusters alike.</summary>
public static class WardenSiloBuilderExtensions
{
    private const string NpgsqlInvariant = "Npgsql";

    /// <summary>
    /// Storage, reminders, streams and the dashboard for <paramref name="settings"/>' mode; clustering
    /// too unless <paramref name="includeClustering"/> is false (a TestCluster brings its own endpoints).
    /// Orleans tuning (membership timings, reminder periods, activation collection) binds from <c>Warden:Membership</c>, <c>Warden:Reminders</c> and <c>Warden:Collection</c>.
    /// </summary>
    public static ISiloBuilder AddWarden(this ISiloBuilder silo, HostSettings settings, bool includeClustering = true)
    {
        RequireReloadableState();
        silo.Configure<ClusterOptions>(o =>
        {
            o.ServiceId = settings.ServiceId;
            o.ClusterId = settings.ClusterId;
        });
        silo.Configure<ClusterMembershipOptions>(silo.Configuration.GetSection("Warden:Membership"));
        silo.Configure<ReminderOptions>(silo.Configuration.GetSection("Warden:Reminders"));
        // A burst of reads over many cold entities must not exhaust memory: under pressure Orleans deactivates
        // the idlest activations first (their state is stored, so they come back on the next call).
        silo.Configure<GrainCollectionOptions>(o => o.EnableActivationSheddingOnMemoryPressure = true);
        silo.Configure<GrainCollectionOptions>(silo.Configuration.GetSection("Warden:Collection"));
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddWardenGrainServices(settings.Mode == HostMode.Cluster ? settings.ConnectionString : null, silo.Configuration);
        silo.AddStartupTask((services, _) => services.GetRequiredService<IGrainFactory>().GetGrain<IScoringRecoveryGrain>(IScoringRecoveryGrain.DefaultKey).Start());
        silo.AddPlacementDirector<SiloKeyPlacement, SiloKeyPlacementDirector>();
        silo.AddBroadcastChannel(SiloBroadcast.ProviderName, o => o.FireAndForgetDelivery = false);

        if (settings.Mode == HostMode.Cluster)
        {
            var connectionString = settings.ConnectionString!;
            if (includeClustering)
            {
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = NpgsqlInvariant;
                    o.ConnectionString = connectionString;
                });
            }

            silo.AddAdoNetGrainStorage(WardenProviders.GrainStorage, o =>
            {
                o.Invariant = NpgsqlInvariant;
                o.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(WardenProviders.PubSubStorage, o =>
            {
                o.Invariant = NpgsqlInvariant;
                o.ConnectionString = connectionString;
            });
            silo.UseWardenStateSerializer(WardenProviders.GrainStorage);
            silo.UseWardenStateSerializer(WardenProviders.PubSubStorage);
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = NpgsqlInvariant;
                o.ConnectionString = connectionString;
            });
        }
        else
        {
            if (includeClustering)
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort);
            }

            silo.AddMemoryGrainStorage(WardenProviders.GrainStorage);
            silo.AddMemoryGrainStorage(WardenProviders.PubSubStorage);
            silo.UseInMemoryReminderService();
        }

        silo.AddWardenStreams(settings);
        silo.AddDashboard();
        return silo;
    }

    /// <summary>A state type that could not be read back after a restart stops the silo here, not in production later.</summary>
    private static void RequireReloadableState()
    {
        var problems = PersistedStateTypes.In(typeof(WardenGrainServices).Assembly).SelectMany(PersistedStateTypes.NonConcreteMembers).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Persisted grain state must declare concrete types so it reloads after a restart:" + Environment.NewLine
                + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        }
    }

    /// <summary>
    /// Cluster mode: durable ADO.NET streams on PostgreSQL (at least once; events outlive a silo, a
    /// subscriber or PostgreSQL being away for days). Development mode: memory streams, which a crash loses.
    /// </summary>
    private static ISiloBuilder AddWardenStreams(this ISiloBuilder silo, HostSettings settings)
    {
        if (settings.Mode != HostMode.Cluster)
        {
            silo.AddMemoryStreams(WardenProviders.Streams);
            silo.AddMemoryStreams(WardenProviders.IngestStreams, streams => streams.ConfigureStreamPubSub(Orleans.Streams.StreamPubSubType.ImplicitOnly));
            return silo;
        }

        var streams = silo.Configuration.GetSection(DurableStreamSettings.SectionName).Get<DurableStreamSettings>() ?? new DurableStreamSettings();
        var problems = streams.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid Warden configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        }

        silo.Services.AddSingleton(streams);
        void Configure(Orleans.Configuration.AdoNetStreamOptions o)
        {
            o.Invariant = NpgsqlInvariant;
            o.ConnectionString = settings.ConnectionString!;
            o.ExpiryTimeout = streams.ExpiryTimeout;
            o.DeadLetterEvictionTimeout = streams.DeadLetterLifetime;
            o.MaxAttempts = streams.MaxAttempts;
            o.VisibilityTimeout = streams.VisibilityTimeout;
        }

        silo.AddAdoNetStreams(WardenProviders.Streams, c =>
        {
            c.ConfigureAdoNet(o => o.Configure(Configure));
            c.ConfigurePartitioning(streams.Partitions);
        });
        silo.AddAdoNetStreams(WardenProviders.IngestStreams, c =>
        {
            c.ConfigureAdoNet(o => o.Configure(Configure));
            c.ConfigurePartitioning(streams.Partitions);
            c.ConfigureStreamPubSub(Orleans.Streams.StreamPubSubType.ImplicitOnly);
        });
        return silo;
    }

    /// <summary>Binds the silo and gateway to the configured ports and advertised address.</summary>
    public static ISiloBuilder UseWardenEndpoints(this ISiloBuilder silo, HostSettings settings)
    {
        silo.Configure<SiloOptions>(o => o.SiloName = $"warden-{settings.SiloPort}");
        if (settings.Mode == HostMode.Cluster)
        {
            silo.ConfigureEndpoints(IPAddress.Parse(settings.AdvertisedAddress), settings.SiloPort, settings.GatewayPort);
        }

        return silo;
    }
}
