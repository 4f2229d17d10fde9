using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Warden.Client;

/// <summary>
/// A connected client for services that do not run a host of their own: connect once, use
/// <see cref="Grains"/>, dispose to disconnect.
/// </summary>
public sealed partial class WardenClient : IAsyncDisposable
{
    private readonly IHost _host;

    private WardenClient(IHost host)
    {
        _host = host;
        Cluster = host.Services.GetRequiredService<IClusterClient>();
    }

    public IClusterClient Cluster { get; }

    public IGrainFactory Grains => Cluster;

    /// <summary>Connects, retrying as <paramref name="options"/> say; throws when no gateway answers.</summary>
    public static async Task<WardenClient> ConnectAsync(WardenClientOptions options, CancellationToken cancellationToken = default, Action<ILoggingBuilder>? logging = null)
    {
        // No default configuration sources: the options passed in are the whole configuration,
        // not whatever appsettings.json happens to sit in the caller's folder.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        builder.UseOrleansClient(client => client.UseWarden(options));
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new WardenClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            _host.Dispose();
        }
    }
}
