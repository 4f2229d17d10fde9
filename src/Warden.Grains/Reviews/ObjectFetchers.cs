using Warden.Abstractions.Labels;
using Warden.Abstractions.Reviews;
using Warden.Abstractions.Scoring;

namespace Warden.Grains.Reviews;

/// <summary>
/// Fetches objects under review through the fetcher registered for their type; types without one are
/// read from their entity grain (labels and trust). Either way the object's latest submitted content is
/// attached from scoring's content reader, unless the fetcher brought its own. A fetcher that fails shows its
/// error, not a broken job.
/// </summary>
public sealed class ObjectFetchers(IEnumerable<IObjectFetcher> fetchers, IGrainFactory grains)
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

    private Task<ObjectContent?> LatestContentAsync(string entity) => grains.GetGrain<IContentReaderGrain>(0).Latest(entity);
}
