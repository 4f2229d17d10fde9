using Microsoft.Extensions.DependencyInjection;

namespace Warden.Grains.Events;

public static class EventServices
{
    /// <summary>The outbox label writes fill, and the relay that publishes it to the durable streams.</summary>
    public static IServiceCollection AddWardenEvents(this IServiceCollection services, bool durable)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<EventMeters>();
        services.AddSingleton<OutboxRelay>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<OutboxRelay>());
        if (durable)
        {
            services.AddSingleton<PostgresEventOutbox>();
            services.AddSingleton<IEventOutbox>(sp => sp.GetRequiredService<PostgresEventOutbox>());
        }
        else
        {
            services.AddSingleton<InMemoryEventOutbox>();
            services.AddSingleton<IEventOutbox>(sp => sp.GetRequiredService<InMemoryEventOutbox>());
        }

        return services;
    }
}
