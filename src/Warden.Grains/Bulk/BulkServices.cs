using Microsoft.Extensions.DependencyInjection;

namespace Warden.Grains.Bulk;

public static class BulkServices
{
    /// <summary>Bulk operations run against PostgreSQL only (they select entities by SQL).</summary>
    public static IServiceCollection AddWardenBulk(this IServiceCollection services, bool durable)
    {
        if (durable)
        {
            services.AddSingleton<PostgresBulkStore>();
            services.AddSingleton<BulkRunner>();
        }

        return services;
    }
}
