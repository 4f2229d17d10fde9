using Microsoft.Extensions.Options;
using Warden.Testing;

namespace Warden.Integration.Tests.Hosting;

/// <summary>Each feature binds and checks its own settings; a silo with bad ones stops at start naming every problem.</summary>
public sealed class FeatureOptionsTests
{
    [Fact]
    public async Task A_silo_with_bad_settings_in_several_features_names_them_all_and_does_not_start()
    {
        var bad = new Dictionary<string, string?>
        {
            ["Warden:Scoring:MaxBatch"] = "0",
            ["Warden:Scoring:ModelDeadline"] = "00:00:00",
            ["Warden:Actions:Endpoints:remove"] = "ftp://example.invalid/hook",
            ["Warden:Appeals:Queue"] = "Not A Queue",
        };

        Exception? refused = null;
        try
        {
            await using var silo = await LoopbackSilo.StartAsync(serviceId: "bad-options", settings: bad);
        }
        catch (Exception error)
        {
            refused = error;
        }

        var causes = refused is AggregateException all ? all.InnerExceptions.ToList() : [refused!];
        causes.Should().AllBeOfType<OptionsValidationException>("options validation stops the host, not a later call");
        string.Join("\n", causes.Select(e => e.Message)).Should().ContainAll(
            "Warden:Scoring:MaxBatch must be positive", "Warden:Scoring:ModelDeadline must be positive",
            "Warden:Actions:Endpoints:remove: 'ftp://example.invalid/hook' is not an absolute http(s) URL", "Warden:Appeals:Queue must be a queue id");
    }
}
