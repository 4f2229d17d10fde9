using Microsoft.Extensions.Options;
using Warden.Abstractions.Reviews;
using Warden.Abstractions.Scoring;

namespace Warden.Grains.Scoring;

/// <summary>Stored content for other features, read from the content store beside it.</summary>
[StatelessWorker]
public sealed class ContentReaderGrain(IContentStore content, IOptions<ScoringOptions> scoring) : Grain, IContentReaderGrain
{
    public async Task<ObjectContent?> Latest(string entity)
    {
        if (await content.LatestAsync(entity) is not var (record, imageNames))
        {
            return null;
        }

        // Keyword evidence reads "<rule set>: <term>"; the page highlights the term where it occurs.
        var keywords = record.Verdict?.Categories
            .SelectMany(c => c.Evidence)
            .Where(e => e.Kind == "keyword")
            .Select(e => e.Detail.Split(": ", 2)[^1])
            .Distinct(StringComparer.Ordinal)
            .ToList() ?? [];
        // Reviewer safety: what the image model finds adult is blurred even in queues that do not blur.
        var imageScores = record.Verdict?.ImageScores ?? [];
        var adultClasses = scoring.Value.ImageCategories.GetValueOrDefault("adult") ?? [];
        var sensitive = imageScores.Where(s => s.Sum(adultClasses) >= scoring.Value.BlurImagesAt).Select(s => s.Image).ToList();
        return new ObjectContent(record.Submission.IdempotencyKey, record.Submission.Text, [.. imageNames.Select((n, i) => n ?? $"image {i + 1}")], keywords)
        {
            ImageScores = imageScores,
            SensitiveImages = sensitive,
        };
    }
}
