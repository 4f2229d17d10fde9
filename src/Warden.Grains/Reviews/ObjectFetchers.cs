using Warden.Abstractions.Labels;
using Warden.Abstractions.Reviews;

namespace Warden.Grains.Reviews;

/// <summary>
/// Fetches objects under review through the fetcher registered for their type; types without one are
/// read from their entity grain (labels and trust). A fetcher that fails shows its error, not a broken job.
/// </summary>
public sealed class ObjectFetchers(IEnumerable<IObjectFetcher> fetchers, IGrainFactory grains)
{
    private readonly Dictionary<string, IObjectFetcher> _byType = fetchers.ToDictionary(f => f.ObjectType, StringComparer.Ordinal);

    public async Task<FetchedObject> FetchAsync(ReviewObject reviewObject, CancellationToken cancellationToken)
    {
        try
        {
            return _byType.TryGetValue(reviewObject.Type, out var fetcher)
                ? await fetcher.FetchAsync(reviewObject, cancellationToken)
                : await FromEntityGrainAsync(reviewObject);
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
}
