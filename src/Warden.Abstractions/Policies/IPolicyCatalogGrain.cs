namespace Warden.Abstractions.Policies;

/// <summary>The cluster's one policy catalog, keyed <see cref="DefaultKey"/>.</summary>
[Alias("warden.policies.catalog-grain")]
public interface IPolicyCatalogGrain : IGrainWithStringKey
{
    public const string DefaultKey = "default";

    [Alias("get")]
    Task<PolicyCatalog> Get();

    /// <summary>
    /// Saves <paramref name="proposed"/> as the next version if it is valid and the caller saw
    /// <paramref name="expectedVersion"/>, then sends it to every silo. Its own version field is ignored.
    /// </summary>
    [Alias("update")]
    Task<CatalogUpdateResult> Update(PolicyCatalog proposed, int expectedVersion, string actor);
}
