using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Warden.Core.Access;
using Warden.Grains.Scoring;

namespace Warden.Grains.Access;

public static class AccessServices
{
    /// <summary>The password policy accounts are created and changed under.</summary>
    public static IServiceCollection AddWardenAccess(this IServiceCollection services) =>
        services.AddSingleton(sp => CommonPasswords.Load(sp.GetRequiredService<IOptions<ScoringOptions>>(), sp.GetRequiredService<ILogger<PasswordPolicy>>()));
}
