using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Warden.Grains.Runtime;

/// <summary>How each feature takes its settings: bound from its configuration section, checked at start.</summary>
public static class FeatureOptions
{
    public static IServiceCollection AddFeatureOptions<TOptions>(this IServiceCollection services, IConfiguration? configuration, string section, Func<TOptions, IEnumerable<string>> problems)
        where TOptions : class
    {
        var options = services.AddOptions<TOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(section));
        }

        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new OptionsProblems<TOptions>(problems));
        return services;
    }
}
