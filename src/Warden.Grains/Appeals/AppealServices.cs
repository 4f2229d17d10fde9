using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Warden.Grains.Runtime;

namespace Warden.Grains.Appeals;

public static class AppealServices
{
    /// <summary>Appeals (<c>Warden:Appeals</c>).</summary>
    public static IServiceCollection AddWardenAppeals(this IServiceCollection services, IConfiguration? configuration) =>
        services.AddFeatureOptions<AppealOptions>(configuration, AppealOptions.SectionName, o => o.Problems());
}
