using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Warden.Silo.Hosting;

namespace Warden.Testing;

/// <summary>
/// A real Warden host (silo + HTTP) in this process on free loopback ports: cluster mode when given a
/// connection string, development mode otherwise.
/// </summary>
public sealed class LoopbackSilo : IAsyncDisposable
{
    private LoopbackSilo(WebApplication app, int gatewayPort, int httpPort)
    {
        App = app;
        GatewayPort = gatewayPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
    }

    public WebApplication App { get; }

    public int GatewayPort { get; }

    public HttpClient Http { get; }

    /// <param name="settings">Extra configuration, e.g. <c>Warden:Api:*</c>.</param>
    public static async Task<LoopbackSilo> StartAsync(string? connectionString = null, string serviceId = "warden", int? gatewayPort = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var gateway = gatewayPort ?? FreePort.Next();
        var http = FreePort.Next();
        var app = WardenHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Warden:Mode"] = connectionString is null ? "Development" : "Cluster",
                ["Warden:ServiceId"] = serviceId,
                ["Warden:ClusterId"] = serviceId,
                ["Warden:ConnectionString"] = connectionString,
                ["Warden:SiloPort"] = FreePort.Next().ToString(),
                ["Warden:GatewayPort"] = gateway.ToString(),
                ["Warden:HttpPort"] = http.ToString(),
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        return new LoopbackSilo(app, gateway, http);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
