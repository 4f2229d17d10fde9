using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Warden.Abstractions.Labels;
using Warden.Grains.Actions;
using Warden.Grains.Labels;
using Warden.Grains.Policies;
using Warden.Grains.Queues;
using Warden.Grains.Reviews;
using Warden.Grains.Runtime;
using Warden.Grains.Scoring;

namespace Warden.Grains;

/// <summary>The per-silo services Warden's grains depend on.</summary>
public static class WardenGrainServices
{
    /// <summary>
    /// Registers the silo's catalog cache, broadcast, queue meters, action dispatcher and object fetchers,
    /// and the label, queue-job and decision stores: PostgreSQL when <paramref name="connectionString"/> is
    /// given, this process's memory otherwise.
    /// </summary>
    public static IServiceCollection AddWardenGrainServices(this IServiceCollection services, string? connectionString)
    {
        services.AddSingleton<CatalogCache>();
        services.AddSingleton<SiloBroadcast>();
        services.AddMetrics();
        services.AddSingleton<QueueMeters>();
        services.AddOptions<ActionDeliveryOptions>();
        services.AddSingleton<ActionDispatcher>();
        services.AddSingleton<ObjectFetchers>();
        services.AddOptions<ScoringOptions>();
        services.AddOptions<Appeals.AppealOptions>();
        services.AddSingleton<ScoringMeters>();
        services.AddSingleton(sp => Access.CommonPasswords.Load(sp.GetRequiredService<IOptions<ScoringOptions>>(), sp.GetRequiredService<ILogger<Core.Access.PasswordPolicy>>()));
        services.AddSingleton<ScoringEngine>();
        services.AddSingleton<Events.OutboxSignal>();
        services.AddSingleton<Events.EventMeters>();
        services.AddSingleton<Events.OutboxRelay>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<Events.OutboxRelay>());
        if (connectionString is null)
        {
            services.AddSingleton<Events.InMemoryEventOutbox>();
            services.AddSingleton<Events.IEventOutbox>(sp => sp.GetRequiredService<Events.InMemoryEventOutbox>());
            services.AddSingleton<InMemoryLabelHistory>();
            services.AddSingleton<ILabelHistory>(sp => sp.GetRequiredService<InMemoryLabelHistory>());
            services.AddSingleton<IEntityLabelStore, InMemoryEntityLabelStore>();
            services.AddSingleton<InMemoryHoldReviewRequests>();
            services.AddSingleton<IQueueJobStore, InMemoryQueueJobStore>();
            services.AddSingleton<IDecisionLog, InMemoryDecisionLog>();
            services.AddSingleton<IReviewJobStore, InMemoryReviewJobStore>();
            services.AddSingleton<IContentStore, InMemoryContentStore>();
            services.AddSingleton<IHashBankStore, InMemoryHashBankStore>();
        }
        else
        {
            services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            services.AddSingleton<Events.PostgresEventOutbox>();
            services.AddSingleton<Events.IEventOutbox>(sp => sp.GetRequiredService<Events.PostgresEventOutbox>());
            services.AddSingleton<ILabelHistory, PostgresLabelHistory>();
            services.AddSingleton<IEntityLabelStore, PostgresEntityLabelStore>();
            services.AddSingleton<RecordedHoldReviewRequests>();
            services.AddSingleton<IQueueJobStore, PostgresQueueJobStore>();
            services.AddSingleton<IDecisionLog>(sp => new BatchingDecisionLog(new PostgresDecisionLog(sp.GetRequiredService<NpgsqlDataSource>())));
            services.AddSingleton<IReviewJobStore, PostgresReviewJobStore>();
            services.AddSingleton<IContentStore, PostgresContentStore>();
            services.AddSingleton<Bulk.PostgresBulkStore>();
            services.AddSingleton<Bulk.BulkRunner>();
            services.AddSingleton<IHashBankStore, PostgresHashBankStore>();
        }

        services.AddSingleton<IHoldReviewRequests>(sp => new RoutedHoldReviewRequests(
            connectionString is null ? sp.GetRequiredService<InMemoryHoldReviewRequests>() : sp.GetRequiredService<RecordedHoldReviewRequests>(),
            sp.GetRequiredService<IGrainFactory>(),
            sp.GetRequiredService<ILogger<RoutedHoldReviewRequests>>()));
        return services;
    }
}
