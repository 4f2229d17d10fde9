using SkiaSharp;
using Warden.Abstractions.Scoring;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;
using static Warden.Integration.Tests.Scoring.ScoringFixtures;

namespace Warden.Integration.Tests.Scoring;

/// <summary>The image model in the cascade: class probabilities per image, adult and suggestive categories fused, the fallback without a usable model.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ImageModelScoringTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Images_are_classified_and_their_categories_fused()
    {
        var settings = Settings();
        settings["Warden:Scoring:ImageModel"] = TrainedModels.NsfwModelPath;
        settings["Warden:Scoring:ExecutionProvider"] = "cuda-or-cpu"; // no CUDA in this build: served on the CPU
        await using var cluster = await WardenTestCluster.DeployAsync(await postgres.CreateDatabaseAsync("scoring_image_model"), "scoring-image-model", silos: 1, settings);
        using var skin = TestImages.PhotoLike(7, 800, 600);
        using var drawing = TestImages.Drawing(9);

        var flagged = await SubmitAsync(cluster, "pin:img-skin", [TestImages.Encode(skin, SKEncodedImageFormat.Jpeg, 90)]);
        var both = await SubmitAsync(cluster, "pin:img-both", [TestImages.Encode(drawing), TestImages.Encode(skin, SKEncodedImageFormat.Jpeg, 90)]);
        var clean = await SubmitAsync(cluster, "pin:img-drawing", [TestImages.Encode(drawing)]);
        var textOnly = await cluster.GrainFactory.Content("pin:img-text", "k").Submit(Text("k", ClearHam));

        // nsfwjs's model puts this warm, smooth gradient just over the line (Porn 0.53 in the equivalence test).
        var scores = flagged.ImageScores.Should().ContainSingle().Subject;
        scores.Model.Should().Be("nsfwjs-mobilenet_v2");
        scores.Classes.Select(c => c.Class).Should().Equal("Drawing", "Hentai", "Neutral", "Porn", "Sexy");
        scores.Classes.Sum(c => c.Probability).Should().BeApproximately(1, 1e-3);
        var adult = flagged.Categories.Single(c => c.Category == "adult");
        adult.Score.Should().BeApproximately(scores.Of("Porn") + scores.Of("Hentai"), 1e-3, "no author: trust 0.5 shifts nothing");
        adult.Decision.Should().Be(VerdictDecision.Review);
        adult.Evidence.Should().ContainSingle(e => e.Kind == "image-model").Which.Detail.Should().Contain("image 1 (Porn + Hentai)");
        flagged.Categories.Single(c => c.Category == "suggestive").Decision.Should().Be(VerdictDecision.Allow);

        // Several images: each is classified, the category takes the worst.
        both.ImageScores.Select(s => s.Image).Should().Equal(0, 1);
        both.Categories.Single(c => c.Category == "adult").Evidence.Single(e => e.Kind == "image-model").Detail.Should().Contain("image 2");
        clean.Categories.Single(c => c.Category == "adult").Decision.Should().Be(VerdictDecision.Allow);
        textOnly.Content!.Verdict!.Categories.Should().NotContain(c => c.Category == "adult" || c.Category == "suggestive");
        textOnly.Content.Verdict.ImageScores.Should().BeEmpty();

        var engine = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Warden.Grains.Scoring.ScoringEngine>(
            cluster.Silos.Cast<Orleans.TestingHost.InProcessSiloHandle>().Single().SiloHost.Services);
        engine.ServedProvider.Should().Be("cpu");
        engine.CudaProblem.Should().Contain("CUDA could not be loaded");

        // The probabilities are stored with the verdict, for the review page.
        var stored = await cluster.GrainFactory.Content("pin:img-skin", "k").Get();
        stored!.Verdict!.ImageScores.Single().Of("Porn").Should().Be(scores.Of("Porn"));
    }

    [Fact]
    public async Task A_configured_image_model_that_cannot_be_served_sends_image_categories_to_their_fallback()
    {
        var settings = Settings();
        settings["Warden:Scoring:ImageModel"] = TrainedModels.SpamModelPath; // a text model: refused by the image contract
        await using var cluster = await WardenTestCluster.DeployAsync(await postgres.CreateDatabaseAsync("scoring_image_fallback"), "scoring-image-fallback", silos: 1, settings);
        using var drawing = TestImages.Drawing(9);

        var verdict = await SubmitAsync(cluster, "pin:img-fallback", [TestImages.Encode(drawing)]);

        var adult = verdict.Categories.Single(c => c.Category == "adult");
        adult.Degraded.Should().BeTrue();
        adult.Decision.Should().Be(VerdictDecision.Review, "adult fails to review by default");
        verdict.Categories.Single(c => c.Category == "suggestive").Decision.Should().Be(VerdictDecision.Allow, "suggestive fails open by default");
        verdict.ImageScores.Should().BeEmpty();
    }

    private static async Task<ContentVerdict> SubmitAsync(Orleans.TestingHost.TestCluster cluster, string entity, IEnumerable<byte[]> images)
    {
        var result = await cluster.GrainFactory.Content(entity, "k").Submit(new ContentSubmission
        {
            IdempotencyKey = "k",
            Images = [.. images.Select(bytes => new SubmittedImage(bytes))],
            Actor = "svc:test",
        });
        result.Errors.Should().BeEmpty();
        return result.Content!.Verdict!;
    }
}
