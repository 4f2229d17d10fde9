using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Warden.Grains.Runtime;

namespace Warden.Grains.Actions;

public static class ActionServices
{
    /// <summary>Webhook delivery of reviewers' actions (<c>Warden:Actions</c>).</summary>
    public static IServiceCollection AddWardenActions(this IServiceCollection services, IConfiguration? configuration)
    {
        services.AddFeatureOptions<ActionDeliveryOptions>(configuration, ActionDeliveryOptions.SectionName, o => o.Problems());
        services.AddSingleton<ActionDispatcher>();
        services.AddSingleton<ActionDeliveryRound>();
        return services;
    }
}
