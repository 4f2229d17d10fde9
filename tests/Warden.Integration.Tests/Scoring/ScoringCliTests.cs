using SkiaSharp;
using Warden.Abstractions.Scoring;
using Warden.Integration.Tests.Infrastructure;
using Warden.Scoring.Hashing;
using Warden.Testing;

namespace Warden.Integration.Tests.Scoring;

/// <summary>The scoring verbs of the <c>warden</c> command, as processes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ScoringCliTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("warden-scoring-cli-").FullName;

    [Fact]
    public async Task Pdq_prints_hash_and_quality_per_file_and_names_files_it_cannot_read()
    {
        using var scene = TestImages.Scene(5);
        var png = Path.Combine(_folder, "scene.png");
        var jpeg = Path.Combine(_folder, "scene.jpg");
        var text = Path.Combine(_folder, "notes.txt");
        await File.WriteAllBytesAsync(png, TestImages.Encode(scene));
        await File.WriteAllBytesAsync(jpeg, TestImages.Encode(scene, SKEncodedImageFormat.Jpeg, 90));
        await File.WriteAllTextAsync(text, "not an image");

        var (code, output) = await WardenCli.RunAsync("pdq", png, jpeg, text);

        code.Should().Be(1, "one file was not an image");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var pngLine = lines.Single(l => l.EndsWith(" scene.png", StringComparison.Ordinal)).Split(' ');
        pngLine[0].Should().Be(PdqHasher.Hash(await File.ReadAllBytesAsync(png)).Hash.ToString());
        int.Parse(pngLine[1]).Should().BeInRange(50, 100);
        var jpegHash = Hash256.Parse(lines.Single(l => l.EndsWith(" scene.jpg", StringComparison.Ordinal)).Split(' ')[0]);
        jpegHash.DistanceTo(Hash256.Parse(pngLine[0])).Should().BeLessThan(31);
        output.Should().Contain("notes.txt: ");
    }

    [Fact]
    public async Task Banks_import_and_rules_put_reach_the_cluster()
    {
        var database = await postgres.CreateDatabaseAsync("scoring_cli");
        await using var cluster = await WardenTestCluster.DeployAsync(database, "scoring-cli", silos: 1);
        string[] connection = ["--cluster", database, "--service-id", "scoring-cli", "--cluster-id", "scoring-cli-cluster"];
        var hashes = Path.Combine(_folder, "bank.txt");
        using var scene = TestImages.Scene(6);
        await File.WriteAllLinesAsync(hashes, ["# known images", $"{PdqHasher.Hash(TestImages.Encode(scene)).Hash} case 1", new string('a', 64)]);
        var badHashes = Path.Combine(_folder, "bad.txt");
        await File.WriteAllLinesAsync(badHashes, ["nothex"]);

        var (bankCode, bankOutput) = await WardenCli.RunAsync(["banks", "import", hashes, "--bank", "known-bad", "--policy", "porn", .. connection]);
        var (badCode, badOutput) = await WardenCli.RunAsync(["banks", "import", badHashes, "--bank", "known-bad", "--policy", "porn", .. connection]);
        var (rulesCode, rulesOutput) = await WardenCli.RunAsync(["rules", "put", .. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples", "rules"), "*.json"), .. connection]);

        bankCode.Should().Be(0, bankOutput);
        bankOutput.Should().Contain("known-bad: 2 hashes imported as version 1");
        badCode.Should().Be(1);
        badOutput.Should().Contain("Entries[0].Hash");
        rulesCode.Should().Be(0, rulesOutput);
        var config = await cluster.GrainFactory.GetGrain<IScoringConfigGrain>(IScoringConfigGrain.DefaultKey).Get();
        config.Banks.Single().Should().Match<HashBankInfo>(b => b.PdqCount == 2 && b.Policy == "porn" && b.Enforcement == "block");
        config.RuleSets.Select(r => r.Name).Should().BeEquivalentTo(["profanity", "pharma-spam"]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
