using OpenTelemetry.Metrics;
using Warden.Grains.Queues;
using Warden.Grains.Scoring;
using Warden.Silo.Api;
using Warden.Silo.Access;

namespace Warden.Silo.Hosting;

/// <summary>
/// Warden's meters (queues, scoring), Orleans' own and ASP.NET Core's, in the Prometheus text format at
/// <c>/metrics</c> for operators (a scraper authenticates with an operator's session or an admin key).
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static void AddWardenMetrics(this WebApplicationBuilder builder) =>
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(QueueMeters.MeterName, ScoringMeters.MeterName, Warden.Grains.Events.EventMeters.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());

    public static void MapWardenMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(Path).RequireAuthorization(ScopeAuthorization.OperatorPolicy);
}
