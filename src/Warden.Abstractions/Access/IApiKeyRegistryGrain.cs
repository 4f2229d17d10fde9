namespace Warden.Abstractions.Access;

/// <summary>The API keys of the deployment (key <c>default</c>): created, listed, revoked, and looked up by id.</summary>
[Alias("warden.access.api-keys")]
public interface IApiKeyRegistryGrain : IGrainWithStringKey
{
    const string DefaultKey = "default";

    [Alias("create")]
    Task<CreatedApiKey> Create(string name, IReadOnlyList<string> scopes, string actor);

    [Alias("list"), ReadOnly]
    Task<IReadOnlyList<ApiKeyInfo>> List();

    /// <summary>False when there is no such key.</summary>
    [Alias("revoke")]
    Task<bool> Revoke(string id, string actor);

    [Alias("find"), ReadOnly]
    Task<StoredApiKey?> Find(string id);
}
