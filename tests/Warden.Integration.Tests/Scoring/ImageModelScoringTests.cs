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
        // No CUDA in this build: served on the CPU.
        await using var cluster = await DeployAsync("scoring_image_model", TrainedModels.NsfwModelPath, ("Warden:Scoring:ExecutionProvider", "cuda-or-cpu"));
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
        // A text model as the image model: refused by the image contract.
        await using var cluster = await DeployAsync("scoring_image_fallback", TrainedModels.SpamModelPath);
        using var drawing = TestImages.Drawing(9);

        var verdict = await SubmitAsync(cluster, "pin:img-fallback", [TestImages.Encode(drawing)]);

        var adult = verdict.Categories.Single(c => c.Category == "adult");
        adult.Degraded.Should().BeTrue();
        adult.Decision.Should().Be(VerdictDecision.Review, "adult fails to review by default");
        verdict.Categories.Single(c => c.Category == "suggestive").Decision.Should().Be(VerdictDecision.Allow, "suggestive fails open by default");
        verdict.ImageScores.Should().BeEmpty();
    }

    [Fact]
    public async Task With_images_after_text_the_caller_gets_the_text_verdict_and_the_item_is_held_until_its_images_are_scored()
    {
        await using var cluster = await DeployAsync("scoring_images_after", TrainedModels.NsfwModelPath, ("Warden:Scoring:ImagesAfterText", "true"));
        using var skin = TestImages.PhotoLike(7, 800, 600);
        var item = cluster.GrainFactory.Content("pin:after", "k");
        var entity = cluster.GrainFactory.GetGrain<Warden.Abstractions.Labels.IEntityGrain>("pin:after");

        var answered = await item.Submit(new ContentSubmission
        {
            IdempotencyKey = "k",
            Text = ClearSpam,
            Images = [new SubmittedImage(TestImages.Encode(skin, SKEncodedImageFormat.Jpeg, 90), "photo.jpg")],
            Actor = "svc:test",
        });

        // The answer: the text's verdict (spam blocks at once), no image categories yet, the item held.
        answered.Content!.Status.Should().Be(ContentStatus.ScoringImages);
        var first = answered.Content.Verdict!;
        first.Categories.Single(c => c.Category == "spam").Decision.Should().Be(VerdictDecision.Block);
        first.Categories.Should().NotContain(c => c.Category == "adult");
        first.ImageScores.Should().BeEmpty();

        // Then the images: classified, adult fused, the hold released.
        var settled = await Infrastructure.Eventually.Succeeds(item.Get, r => r!.Status is ContentStatus.Labelled or ContentStatus.Queued, TimeSpan.FromSeconds(30), "images scored");
        settled!.Verdict!.ImageScores.Should().ContainSingle();
        settled.Verdict.Categories.Single(c => c.Category == "adult").Decision.Should().Be(VerdictDecision.Review);
        var labels = (await entity.GetLabels()).Live;
        labels.Should().NotContain(l => l.Policy == "unscored_media", "the hold goes once the images are scored");
        labels.Should().Contain(l => l.Policy == "adult").And.Contain(l => l.Policy == "spam");
        (await entity.GetHistory(50)).Should().Contain(h => h.Label.Policy == "unscored_media", "the item was held while its images were scored");
    }

    [Fact]
    public async Task A_submission_left_scoring_its_images_is_finished_by_the_recovery_pass()
    {
        await using var cluster = await DeployAsync("scoring_images_recover", TrainedModels.NsfwModelPath, ("Warden:Scoring:RecoverAfter", "00:00:00"));
        using var drawing = TestImages.Drawing(9);
        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Warden.Grains.Scoring.IContentStore>(
            cluster.Silos.Cast<Orleans.TestingHost.InProcessSiloHandle>().Single().SiloHost.Services);

        // As a silo lost between the two passes leaves it: text verdict stored, images never scored.
        var record = new ContentRecord
        {
            Entity = "pin:stranded",
            Submission = new ContentSubmission { IdempotencyKey = "k", Images = [new SubmittedImage(TestImages.Encode(drawing))], Actor = "svc:test" },
            Status = ContentStatus.Received,
            ReceivedAt = DateTimeOffset.UtcNow,
        };
        (await store.InsertAsync(record)).Should().BeTrue();
        await store.UpdateAsync(record with { Status = ContentStatus.ScoringImages, Verdict = new ContentVerdict { Categories = [], ScoredAt = DateTimeOffset.UtcNow } });

        (await cluster.GrainFactory.GetGrain<IScoringRecoveryGrain>(IScoringRecoveryGrain.DefaultKey).RunOnce()).Should().Be(1);

        var finished = await cluster.GrainFactory.Content("pin:stranded", "k").Get();
        finished!.Status.Should().Be(ContentStatus.Labelled);
        finished.Verdict!.ImageScores.Should().ContainSingle();
    }

    /// <summary>One silo serving <paramref name="imageModel"/> as its image model, with the scoring test settings and <paramref name="extra"/>.</summary>
    private async Task<Orleans.TestingHost.TestCluster> DeployAsync(string database, string imageModel, params (string Key, string Value)[] extra)
    {
        var settings = Settings();
        settings["Warden:Scoring:ImageModel"] = imageModel;
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return await WardenTestCluster.DeployAsync(await postgres.CreateDatabaseAsync(database), database.Replace('_', '-'), silos: 1, settings);
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
