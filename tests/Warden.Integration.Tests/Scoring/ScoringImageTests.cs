using Warden.Testing;
using SkiaSharp;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Scoring;
using Warden.Integration.Tests.Infrastructure;
using Warden.Scoring.Hashing;
using static Warden.Integration.Tests.Scoring.ScoringFixtures;

namespace Warden.Integration.Tests.Scoring;

/// <summary>Images through the cascade: OCR'd text reaches rules and the model; banks match exact and near copies.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ScoringImageTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Text_rendered_in_an_image_is_read_and_scored()
    {
        await using var cluster = await WardenTestCluster.DeployAsync(await postgres.CreateDatabaseAsync("scoring_ocr"), "scoring-ocr", silos: 1, Settings());
        var config = cluster.GrainFactory.GetGrain<IScoringConfigGrain>(IScoringConfigGrain.DefaultKey);
        var put = await config.PutRuleSet(new RuleSetDefinition { Name = "pharma", Policy = "spam", Keywords = ["viagra", "cialis"], Weight = 0.99 }, 0, "user:lead");
        put.Saved.Should().BeTrue();
        await WaitForEveryEngineAsync(cluster, (await config.Get()).Version, TimeSpan.FromSeconds(5));
        using var image = TestImages.Text("CHEAP VIAGRA ONLINE", "NO PRESCRIPTION NEEDED", "CLICK HERE TO ORDER");

        var result = await cluster.GrainFactory.Content("pin:ocr", "i1").Submit(new ContentSubmission
        {
            IdempotencyKey = "i1",
            Images = [new SubmittedImage(TestImages.Encode(image), "ad.png")],
            Actor = "svc:test",
        });

        var verdict = result.Content!.Verdict!;
        verdict.OcrText.Should().NotBeNull();
        verdict.OcrText!.ToUpperInvariant().Should().Contain("VIAGRA").And.Contain("PRESCRIPTION");
        var spam = verdict.Categories.Single(c => c.Category == "spam");
        spam.Evidence.Should().Contain(e => e.Kind == "ocr-model").And.Contain(e => e.Kind == "keyword" && e.Detail == "pharma: viagra");
        spam.Decision.Should().Be(VerdictDecision.Block);
        var stored = await cluster.GrainFactory.Content("pin:ocr", "i1").Get();
        stored!.Submission.Images.Single().Bytes.Should().Equal(TestImages.Encode(image), "the image is stored byte for byte");
    }

    [Fact]
    public async Task Banked_images_match_exactly_and_after_resizing_and_reencoding()
    {
        await using var cluster = await WardenTestCluster.DeployAsync(await postgres.CreateDatabaseAsync("scoring_banks"), "scoring-banks", silos: 1, Settings());
        using var known = TestImages.Scene(42);
        using var unrelated = TestImages.Scene(43);
        using var resized = TestImages.Resize(known, 300, 300);
        var knownPng = TestImages.Encode(known);
        var exactBytes = TestImages.Encode(unrelated, SKEncodedImageFormat.Jpeg, 90);
        var config = cluster.GrainFactory.GetGrain<IScoringConfigGrain>(IScoringConfigGrain.DefaultKey);
        var bad = await config.ImportBank(new HashBankInfo { Name = "bad bank", Policy = "nope", Enforcement = "obliterate", Threshold = 300 }, [new HashBankEntry(HashKind.Pdq, "xyz")], false, "user:lead");
        var saved = await config.ImportBank(
            new HashBankInfo { Name = "known-bad", Policy = "porn", Enforcement = "block" },
            [
                new HashBankEntry(HashKind.Pdq, PdqHasher.Hash(knownPng).Hash.ToString(), "case-17"),
                new HashBankEntry(HashKind.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(exactBytes)), "case-18"),
            ],
            replace: false,
            "user:lead");

        bad.Errors.Select(e => e.Field).Should().BeEquivalentTo(["Name", "Policy", "Enforcement", "Threshold", "Entries[0].Hash"]);
        saved.Saved.Should().BeTrue();
        await WaitForEveryEngineAsync(cluster, (await config.Get()).Version, TimeSpan.FromSeconds(5));
        var nearCopy = await Submit(cluster, "pin:near", TestImages.Encode(resized, SKEncodedImageFormat.Jpeg, 75));
        var exactCopy = await Submit(cluster, "pin:exact", exactBytes);
        var other = await Submit(cluster, "pin:other", TestImages.Encode(TestImages.Scene(44)));

        var near = nearCopy.Categories.Single(c => c.Category == "porn");
        near.Decision.Should().Be(VerdictDecision.Block);
        near.Evidence.Should().ContainSingle(e => e.Kind == "hash").Which.Detail.Should().StartWith("known-bad (pdq, distance ").And.EndWith(", case-17)");
        exactCopy.Categories.Single(c => c.Category == "porn").Evidence.Should().Contain(e => e.Detail == "known-bad (sha256, distance 0, case-18)");
        other.Categories.Should().NotContain(c => c.Category == "porn");
        (await cluster.GrainFactory.GetGrain<IEntityGrain>("pin:near").GetEnforcement("home_feed")).Enforcement.Should().Be("block");
    }

    [Fact]
    public async Task A_bank_that_asks_for_it_matches_rotated_and_flipped_copies()
    {
        await using var cluster = await WardenTestCluster.DeployAsync(await postgres.CreateDatabaseAsync("scoring_dihedral"), "scoring-dihedral", silos: 1, Settings());
        using var known = TestImages.Scene(45);
        using var turned = TestImages.RotateClockwise(known);
        var hash = PdqHasher.Hash(TestImages.Encode(known)).Hash.ToString();
        var config = cluster.GrainFactory.GetGrain<IScoringConfigGrain>(IScoringConfigGrain.DefaultKey);
        (await config.ImportBank(new HashBankInfo { Name = "upright-only", Policy = "porn", Enforcement = "block" }, [new HashBankEntry(HashKind.Pdq, hash, "case-20")], false, "user:lead"))
            .Saved.Should().BeTrue();
        (await config.ImportBank(new HashBankInfo { Name = "any-way-up", Policy = "violence", Enforcement = "block", MatchRotationsAndFlips = true }, [new HashBankEntry(HashKind.Pdq, hash, "case-21")], false, "user:lead"))
            .Saved.Should().BeTrue();
        (await config.Get()).Banks.Single(b => b.Name == "any-way-up").MatchRotationsAndFlips.Should().BeTrue("the switch is stored with the bank");
        await WaitForEveryEngineAsync(cluster, (await config.Get()).Version, TimeSpan.FromSeconds(5));

        var verdict = await Submit(cluster, "pin:turned", TestImages.Encode(turned));

        verdict.Categories.Should().NotContain(c => c.Category == "porn", "the upright-only bank does not look at rotations");
        var violence = verdict.Categories.Single(c => c.Category == "violence");
        violence.Decision.Should().Be(VerdictDecision.Block);
        violence.Evidence.Should().ContainSingle(e => e.Kind == "hash").Which.Detail.Should().StartWith("any-way-up (pdq, image rotate-270, distance ", "the submission turned back a quarter matches");
    }

    private static async Task<ContentVerdict> Submit(Orleans.TestingHost.TestCluster cluster, string entity, byte[] image)
    {
        var result = await cluster.GrainFactory.Content(entity, "k").Submit(new ContentSubmission { IdempotencyKey = "k", Images = [new SubmittedImage(image)], Actor = "svc:test" });
        result.Errors.Should().BeEmpty();
        return result.Content!.Verdict!;
    }
}
