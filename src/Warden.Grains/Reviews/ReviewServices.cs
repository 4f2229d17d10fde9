using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Warden.Abstractions.Labels;
using Warden.Grains.Labels;

namespace Warden.Grains.Reviews;

public static class ReviewServices
{
    /// <summary>Review jobs, their decision log, object fetchers, and review requests for held labels.</summary>
    public static IServiceCollection AddWardenReviews(this IServiceCollection services, bool durable)
    {
        services.AddSingleton<ObjectFetchers>();
        if (durable)
        {
            services.AddSingleton<RecordedHoldReviewRequests>();
            services.AddSingleton<IDecisionLog>(sp => new BatchingDecisionLog(new PostgresDecisionLog(sp.GetRequiredService<NpgsqlDataSource>())));
            services.AddSingleton<IReviewJobStore, PostgresReviewJobStore>();
        }
        else
        {
            services.AddSingleton<InMemoryHoldReviewRequests>();
            services.AddSingleton<IDecisionLog, InMemoryDecisionLog>();
            services.AddSingleton<IReviewJobStore, InMemoryReviewJobStore>();
        }

        services.AddSingleton<IHoldReviewRequests>(sp => new RoutedHoldReviewRequests(
            durable ? sp.GetRequiredService<RecordedHoldReviewRequests>() : sp.GetRequiredService<InMemoryHoldReviewRequests>(),
            sp.GetRequiredService<IGrainFactory>(),
            sp.GetRequiredService<ILogger<RoutedHoldReviewRequests>>()));
        return services;
    }
}
