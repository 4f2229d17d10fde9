using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Warden.Grains.Runtime;

namespace Warden.Grains.Scoring;

public static class ScoringServices
{
    /// <summary>The scoring cascade (<c>Warden:Scoring</c>), stored content and hash banks.</summary>
    public static IServiceCollection AddWardenScoring(this IServiceCollection services, bool durable, IConfiguration? configuration)
    {
        services.AddFeatureOptions<ScoringOptions>(configuration, ScoringOptions.SectionName, o => o.Problems());
        services.AddSingleton<ScoringMeters>();
        services.AddSingleton<ScoringEngine>();
        if (durable)
        {
            services.AddSingleton<IContentStore, PostgresContentStore>();
            services.AddSingleton<IHashBankStore, PostgresHashBankStore>();
        }
        else
        {
            services.AddSingleton<IContentStore, InMemoryContentStore>();
            services.AddSingleton<IHashBankStore, InMemoryHashBankStore>();
        }

        return services;
    }
}
