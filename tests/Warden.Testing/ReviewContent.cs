using Microsoft.Extensions.DependencyInjection;
using Warden.Abstractions.Scoring;
using Warden.Grains.Scoring;

namespace Warden.Testing;

/// <summary>Stores content for an entity as scoring would have (text, an image, a keyword hit), so jobs about it have something to show.</summary>
public static class ReviewContent
{
    public static byte[] Png { get; } = TestImages.Encode(TestImages.Text("LIMITED OFFER"));

    public static async Task StoreAsync(LoopbackSilo silo, string entity, string text, string? keyword = null, string? imageName = "offer.png")
    {
        var store = silo.App.Services.GetRequiredService<IContentStore>();
        var record = new ContentRecord
        {
            Entity = entity,
            Submission = new ContentSubmission
            {
                IdempotencyKey = "c-" + entity,
                Text = text,
                Images = imageName is null ? [] : [new SubmittedImage(Png, imageName)],
                Actor = "svc:test",
            },
            Status = ContentStatus.Queued,
            ReceivedAt = DateTimeOffset.UtcNow,
            Verdict = new ContentVerdict
            {
                ScoredAt = DateTimeOffset.UtcNow,
                Categories = [new CategoryVerdict
                {
                    Category = "spam",
                    Score = 0.7,
                    Decision = VerdictDecision.Review,
                    Evidence = keyword is null ? [] : [new ScoreEvidence("keyword", "spam-words: " + keyword, 0.4)],
                }],
            },
        };
        if (!await store.InsertAsync(record))
        {
            throw new InvalidOperationException($"{entity} already has content under {record.Submission.IdempotencyKey}.");
        }

        await store.UpdateAsync(record);
    }
}
