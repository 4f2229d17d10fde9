namespace Warden.Abstractions.Access;

/// <summary>
/// One API key (key: its id), so authenticating a request depends on that key's activation alone. The
/// registry (<see cref="IApiKeyRegistryGrain"/>) creates and revokes keys through it and keeps the list.
/// </summary>
[Alias("warden.access.api-key-grain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    [Alias("find"), ReadOnly]
    Task<StoredApiKey?> Find();

    [Alias("store")]
    Task Store(StoredApiKey key);
}
