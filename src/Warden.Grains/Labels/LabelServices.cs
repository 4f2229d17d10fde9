using Microsoft.Extensions.DependencyInjection;

namespace Warden.Grains.Labels;

public static class LabelServices
{
    /// <summary>Entities' labels and their history.</summary>
    public static IServiceCollection AddWardenLabels(this IServiceCollection services, bool durable)
    {
        if (durable)
        {
            services.AddSingleton<ILabelHistory, PostgresLabelHistory>();
            services.AddSingleton<IEntityLabelStore, PostgresEntityLabelStore>();
        }
        else
        {
            services.AddSingleton<InMemoryLabelHistory>();
            services.AddSingleton<ILabelHistory>(sp => sp.GetRequiredService<InMemoryLabelHistory>());
            services.AddSingleton<IEntityLabelStore, InMemoryEntityLabelStore>();
        }

        return services;
    }
}
