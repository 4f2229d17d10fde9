using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Warden.Abstractions.Diagnostics;
using Warden.Client;
using Warden.Silo.Hosting;
using Warden.Testing;

namespace Warden.Integration.Tests.Client;

/// <summary>Development-mode silos: these tests are about the client's start-up, not storage.</summary>
public sealed class ClientStartupTests
{
    [Fact]
    public async Task A_client_started_before_its_silo_connects_once_the_silo_is_up()
    {
        var gatewayPort = FreePort.Next();
        var connecting = WardenClient.ConnectAsync(new WardenClientOptions { GatewayPort = gatewayPort, ConnectAttempts = 20 });

        // The silo starts only after the client has begun trying (and failing) to connect.
        connecting.IsCompleted.Should().BeFalse();
        var silo = WardenHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Warden:SiloPort"] = FreePort.Next().ToString(),
                ["Warden:GatewayPort"] = gatewayPort.ToString(),
                ["Warden:HttpPort"] = FreePort.Next().ToString(),
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await silo.StartAsync();
        try
        {
            await using var client = await connecting;
            var probe = client.Grains.GetGrain<IClusterProbeGrain>("late-client");
            (await probe.Write("connected")).Value.Should().Be("connected");
        }
        finally
        {
            await silo.StopAsync();
            await silo.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_client_gives_up_after_its_attempts_when_no_gateway_answers()
    {
        var options = new WardenClientOptions
        {
            GatewayPort = FreePort.Next(),
            ConnectAttempts = 2,
            FirstRetryDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        };

        var connect = () => WardenClient.ConnectAsync(options);

        await connect.Should().ThrowAsync<Orleans.Runtime.Messaging.ConnectionFailedException>();
    }

    [Fact]
    public async Task Invalid_client_options_are_refused_with_every_problem_named()
    {
        var connect = () => WardenClient.ConnectAsync(new WardenClientOptions { UseCluster = true, ServiceId = "", ConnectAttempts = 0 });

        var error = await connect.Should().ThrowAsync<ArgumentException>();
        error.Which.Message.Should().Contain("ServiceId").And.Contain("ConnectionString").And.Contain("ConnectAttempts");
    }
}
