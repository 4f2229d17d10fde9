using Orleans.Dashboard;
using Warden.Silo.Api;
using Warden.Silo.Access;

namespace Warden.Silo.Hosting;

/// <summary>Builds the one Warden process: an Orleans silo with ASP.NET Core beside it.</summary>
public static class WardenHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json beside the program, whatever directory the silo was started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        var settings = builder.Configuration.GetSection(HostSettings.SectionName).Get<HostSettings>() ?? new HostSettings();
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid Warden configuration:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)));
        }

        builder.Services.AddSingleton(settings);
        builder.WebHost.UseUrls($"http://{settings.HttpAddress}:{settings.HttpPort}");
        builder.UseOrleans(silo => silo.AddWarden(settings).UseWardenEndpoints(settings));
        builder.AddWardenApi();
        builder.AddWardenMetrics();

        var health = builder.Services.AddHealthChecks()
            .AddCheck<SiloActiveHealthCheck>("silo", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<GrainReadinessCheck>("grains", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<ScoringModelsCheck>("scoring", tags: [HealthEndpoints.ReadyTag]);
        if (settings.Mode == HostMode.Cluster)
        {
            health.AddCheck<StorageHealthCheck>("storage", tags: [HealthEndpoints.ReadyTag]);
        }

        var app = builder.Build();
        app.UseBareEndpoint(settings); // first, so it measures the host without the pipeline
        app.MapWardenApi();
        app.MapWardenHealth();
        app.MapOrleansDashboard("/dashboard").RequireAuthorization(ScopeAuthorization.OperatorPolicy);
        app.MapWardenMetrics();
        app.MapGet("/", () => Results.Redirect("/queues"));
        if (settings.Mode == HostMode.Development)
        {
            app.Lifetime.ApplicationStarted.Register(() => DevelopmentBanner.Print(app.Logger, settings));
        }

        return app;
    }
}
