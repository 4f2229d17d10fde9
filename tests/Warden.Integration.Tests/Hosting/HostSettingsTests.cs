using Warden.Silo.Hosting;

namespace Warden.Integration.Tests.Hosting;

public sealed class HostSettingsTests
{
    [Fact]
    public void The_development_defaults_are_valid()
    {
        new HostSettings().Validate().Should().BeEmpty();
    }

    [Fact]
    public void Cluster_mode_without_a_connection_string_is_refused_by_name()
    {
        var errors = new HostSettings { Mode = HostMode.Cluster }.Validate();

        errors.Should().ContainSingle().Which.Should().Contain("Warden:ConnectionString");
    }

    [Fact]
    public void Cluster_mode_with_a_connection_string_is_valid()
    {
        new HostSettings { Mode = HostMode.Cluster, ConnectionString = "Host=127.0.0.1" }.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var errors = new HostSettings
        {
            ServiceId = " ",
            ClusterId = "",
            AdvertisedAddress = "localhost",
            HttpAddress = "not an address",
            SiloPort = 0,
            GatewayPort = 70000,
        }.Validate();

        errors.Should().HaveCount(6);
        errors.Should().Contain(e => e.Contains("ServiceId"))
            .And.Contain(e => e.Contains("ClusterId"))
            .And.Contain(e => e.Contains("AdvertisedAddress") && e.Contains("localhost"))
            .And.Contain(e => e.Contains("HttpAddress"))
            .And.Contain(e => e.Contains("SiloPort") && e.Contains('0'))
            .And.Contain(e => e.Contains("GatewayPort") && e.Contains("70000"));
    }

    [Theory]
    [InlineData(11111, 11111, 8080)]
    [InlineData(11111, 30000, 30000)]
    [InlineData(8080, 30000, 8080)]
    public void Ports_that_collide_are_refused(int silo, int gateway, int http)
    {
        var errors = new HostSettings { SiloPort = silo, GatewayPort = gateway, HttpPort = http }.Validate();

        errors.Should().ContainSingle().Which.Should().Contain("must differ");
    }
}
