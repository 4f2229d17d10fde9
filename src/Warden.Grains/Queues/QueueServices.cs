using Microsoft.Extensions.DependencyInjection;

namespace Warden.Grains.Queues;

public static class QueueServices
{
    /// <summary>Queued jobs and the queues' meters.</summary>
    public static IServiceCollection AddWardenQueues(this IServiceCollection services, bool durable)
    {
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
