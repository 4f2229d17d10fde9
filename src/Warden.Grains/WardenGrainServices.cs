using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Warden.Grains.Access;
using Warden.Grains.Actions;
using Warden.Grains.Appeals;
using Warden.Grains.Events;
using Warden.Grains.Labels;
using Warden.Grains.Policies;
using Warden.Grains.Queues;
using Warden.Grains.Reviews;
using Warden.Grains.Runtime;
using Warden.Grains.Scoring;
using Warden.Grains.Bulk;

namespace Warden.Grains;

/// <summary>The per-silo services Warden's grains depend on: each feature registers its own.</summary>
public static class WardenGrainServices
{
    /// <summary>
    /// Every feature's services and options, stored in PostgreSQL when <paramref name="connectionString"/> is
    /// given and in this process's memory otherwise; options bind from <paramref name="configuration"/>.
    /// </summary>
    public static IServiceCollection AddWardenGrainServices(this IServiceCollection services, string? connectionString, IConfiguration? configuration = null)
    {
        services.AddMetrics();
        services.AddSingleton<SiloBroadcast>();
        services.AddSingleton<CatalogCache>();
        if (connectionString is not null)
        {
            services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        }

        var durable = connectionString is not null;
        return services
            .AddWardenEvents(durable)
            .AddWardenLabels(durable)
            .AddWardenScoring(durable, configuration)
            .AddWardenQueues(durable, configuration)
            .AddWardenReviews(durable)
            .AddWardenActions(configuration)
            .AddWardenAppeals(configuration)
            .AddWardenAccess()
            .AddWardenBulk(durable);
    }
}
