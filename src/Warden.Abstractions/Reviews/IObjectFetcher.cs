namespace Warden.Abstractions.Reviews;

/// <summary>
/// Loads an object under review for display, per entity type: a platform registers one for each type
/// whose data lives in its own services. Types without one are read from their entity grain.
/// </summary>
public interface IObjectFetcher
{
    /// <summary>The entity type served, e.g. <c>pin</c>.</summary>
    string ObjectType { get; }

    Task<FetchedObject> FetchAsync(ReviewObject reviewObject, CancellationToken cancellationToken);
}
