using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Warden.Grains.Runtime;

namespace Warden.Grains.Queues;

public static class QueueServices
{
    /// <summary>Queued jobs and the queues' meters.</summary>
    public static IServiceCollection AddWardenQueues(this IServiceCollection services, bool durable, IConfiguration? configuration)
    {
        services.AddFeatureOptions<QueueRuntimeOptions>(configuration, QueueRuntimeOptions.SectionName, o => o.Problems());
        services.AddSingleton<QueueMeters>();
        if (durable)
        {
            services.AddSingleton<IQueueJobStore, PostgresQueueJobStore>();
        }
        else
        {
            services.AddSingleton<IQueueJobStore, InMemoryQueueJobStore>();
        }

        return services;
    }
}
