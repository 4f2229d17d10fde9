using Warden.Abstractions.Labels;
using Warden.Abstractions.Reviews;
using Warden.Grains.Scoring;

namespace Warden.Grains.Reviews;

/// <summary>
/// Fetches objects under review through the fetcher registered for their type; types without one are
/// read from their entity grain (labels and trust). Either way the object's latest submitted content is
/// attached from the content store, unless the fetcher brought its own. A fetcher that fails shows its
/// error, not a broken job.
/// </summary>
public sealed class ObjectFetchers(IEnumerable<IObjectFetcher> fetchers, IGrainFactory grains, IContentStore content)
{
    private readonly Dictionary<string, IObjectFetcher> _byType = fetchers.ToDictionary(f => f.ObjectType, StringComparer.Ordinal);

    public const int HistoryLimit = 100;

    /// <param name="explain">Also load the enforcement on every surface with the resolver's ranking, and the label history.</param>
    public async Task<FetchedObject> FetchAsync(ReviewObject reviewObject, bool explain, CancellationToken cancellationToken)
    {
        try
        {
            var fetched = _byType.TryGetValue(reviewObject.Type, out var fetcher)
                ? await fetcher.FetchAsync(reviewObject, cancellationToken)
                : await FromEntityGrainAsync(reviewObject);
            fetched = fetched.Content is null ? fetched with { Content = await LatestContentAsync(reviewObject.Entity) } : fetched;
            if (explain)
            {
                var entity = grains.GetGrain<IEntityGrain>(reviewObject.Entity);
                fetched = fetched with
                {
                    Explanation = [.. await entity.GetEnforcements()],
                    History = [.. await entity.GetHistory(HistoryLimit)],
                };
            }

            return fetched;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return new FetchedObject(reviewObject, new Dictionary<string, string>(), [], $"could not load {reviewObject.Entity}: {error.Message}");
        }
    }

    private async Task<FetchedObject> FromEntityGrainAsync(ReviewObject reviewObject)
    {
        var labels = await grains.GetGrain<IEntityGrain>(reviewObject.Entity).GetLabels();
        var fields = new Dictionary<string, string>
        {
            ["entity"] = reviewObject.Entity,
            ["type"] = reviewObject.Type,
            ["trusted"] = labels.Trusted ? "yes" : "no",
            ["held labels"] = labels.Held.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return new FetchedObject(reviewObject, fields, labels.Live);
    }

    private async Task<ObjectContent?> LatestContentAsync(string entity)
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
        return new ObjectContent(record.Submission.IdempotencyKey, record.Submission.Text, [.. imageNames.Select((n, i) => n ?? $"image {i + 1}")], keywords);
    }
}
