namespace Warden.Abstractions.Scoring;

/// <summary>
/// Reads stored content for other features (the review page shows an item's latest submission). Call
/// with key 0; it runs on whichever silo receives it.
/// </summary>
[Alias("warden.scoring.content-reader")]
public interface IContentReaderGrain : IGrainWithIntegerKey
{
    /// <summary>The entity's latest submission as a reviewer sees it (text, image names, keyword hits), or null.</summary>
    [Alias("latest"), ReadOnly]
    Task<Reviews.ObjectContent?> Latest(string entity);
}
