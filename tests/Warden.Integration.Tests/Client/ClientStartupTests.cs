using Warden.Abstractions.Diagnostics;
using Warden.Client;
using Warden.Testing;

namespace Warden.Integration.Tests.Client;

/// <summary>Development-mode silos: these tests are about the client's start-up, not storage.</summary>
public sealed class ClientStartupTests
{
    [Fact]
    public async Task A_client_started_before_its_silo_connects_once_the_silo_is_up()
    {
        var gatewayPort = FreePort.Next();
        var connecting = WardenClient.ConnectAsync(new WardenClientOptions { GatewayPort = gatewayPort, ClusterId = "warden", ConnectAttempts = 20 });

        // The silo starts only after the client has begun trying (and failing) to connect.
        connecting.IsCompleted.Should().BeFalse();
        await using var silo = await LoopbackSilo.StartAsync(gatewayPort: gatewayPort);
        await using var client = await connecting;
        var probe = client.Grains.GetGrain<IClusterProbeGrain>("late-client");
        (await probe.Write("connected")).Value.Should().Be("connected");
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
