using Warden.Abstractions.Labels;
using Warden.Client;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;

namespace Warden.Integration.Tests.Labels;

/// <summary>The <c>warden</c> command as an operator runs it, against a development silo.</summary>
public sealed class WardenCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("warden-cli-").FullName;

    [Fact]
    public async Task Labels_import_loads_good_rows_reports_bad_ones_and_exits_non_zero()
    {
        await using var silo = await LoopbackSilo.StartAsync();
        var file = Path.Combine(_folder, "labels.csv");
        await File.WriteAllLinesAsync(file,
        [
            Core.Labels.Import.LabelFileReader.CsvHeader,
            "pin:1,spam-model,automated,v7,limit,spam,2026-11-01T10:00:00Z,,0.9,",
            "pin:1,review,human,jane,block,porn,2026-11-01T11:00:00Z,,,reviewed",
            "pin:2,spam-model,automated,v7,limit,not_a_policy,2026-11-01T10:00:00Z,,,",
        ]);

        var (exitCode, stdout) = await WardenCli.RunAsync("labels", "import", file, "--gateway", silo.GatewayPort.ToString(), "--cluster-id", "warden");

        exitCode.Should().Be(1, "a row was rejected");
        stdout.Should().Contain("3 rows").And.Contain("added 2").And.Contain("rejected 1");
        (await File.ReadAllTextAsync(file + ".rejected.jsonl")).Should().Contain("\"line\":4").And.Contain("not_a_policy");
        await using var client = await WardenClient.ConnectAsync(new WardenClientOptions { GatewayPort = silo.GatewayPort, ClusterId = "warden" });
        var pin = client.Grains.GetGrain<IEntityGrain>("pin:1");
        (await pin.GetEnforcement("home_feed")).Enforcement.Should().Be("block");
        (await pin.GetHistory(5)).Should().OnlyContain(h => h.Actor == "import:labels.csv");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
