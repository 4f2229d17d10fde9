using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Warden.Abstractions.Labels;
using Warden.Grains.Labels;
using Warden.Grains.Policies;
using Warden.Grains.Runtime;

namespace Warden.Grains;

/// <summary>The per-silo services Warden's grains depend on.</summary>
public static class WardenGrainServices
{
    /// <summary>
    /// Registers the silo's catalog cache and broadcast, and the history and hold-review stores:
    /// PostgreSQL when <paramref name="connectionString"/> is given, this process's memory otherwise.
    /// </summary>
    public static IServiceCollection AddWardenGrainServices(this IServiceCollection services, string? connectionString)
    {
        services.AddSingleton<CatalogCache>();
        services.AddSingleton<SiloBroadcast>();
        if (connectionString is null)
        {
            services.AddSingleton<InMemoryLabelHistory>();
            services.AddSingleton<ILabelHistory>(sp => sp.GetRequiredService<InMemoryLabelHistory>());
            services.AddSingleton<IEntityLabelStore, InMemoryEntityLabelStore>();
            services.AddSingleton<IHoldReviewRequests, InMemoryHoldReviewRequests>();
        }
        else
        {
            services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            services.AddSingleton<ILabelHistory, PostgresLabelHistory>();
            services.AddSingleton<IEntityLabelStore, PostgresEntityLabelStore>();
            services.AddSingleton<IHoldReviewRequests, RecordedHoldReviewRequests>();
        }

        return services;
    }
}
