using Warden.Abstractions.Access;
using Warden.Abstractions.Runtime;
using Warden.Core.Access;
using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Grains.Access;

/// <summary>The list of API keys (no secret hashes: each key's grain holds its own).</summary>
[GenerateSerializer, Alias("warden.access.api-key-index-state")]
public sealed class ApiKeyRegistryState
{
    [Id(0)] public Dictionary<string, ApiKeyInfo> Keys { get; set; } = [];
}

/// <summary>Creates, lists and revokes keys; each key lives in its own <see cref="IApiKeyGrain"/>, stored there first.</summary>
public sealed class ApiKeyRegistryGrain(
    [PersistentState("api-key-index", WardenProviders.GrainStorage)] IPersistentState<ApiKeyRegistryState> registry,
    TimeProvider clock)
    : Grain, IApiKeyRegistryGrain
{
    public async Task<CreatedApiKey> Create(string name, IReadOnlyList<string> scopes, string actor)
    {
        var errors = new List<FieldError>();
        TextRules.RequireText(errors, "Name", name, 128);
        TextRules.RequireActor(errors, actor);
        if (scopes is null || scopes.Count == 0)
        {
            errors.Add(new FieldError("Scopes", $"name at least one of {string.Join(", ", ApiScopes.All)}"));
        }
        else
        {
            scopes.Where(s => !ApiScopes.All.Contains(s)).ToList().ForEach(s => errors.Add(new FieldError("Scopes", $"unknown scope '{s}': use {string.Join(", ", ApiScopes.All)}")));
        }

        if (errors.Count > 0)
        {
            return new CreatedApiKey(null, null, errors);
        }

        var (id, key, hash) = ApiKeySecrets.Generate();
        var info = new ApiKeyInfo { Id = id, Name = name, Scopes = [.. scopes!.Distinct()], CreatedAt = clock.GetUtcNow(), CreatedBy = actor };
        await GrainFactory.GetGrain<IApiKeyGrain>(id).Store(new StoredApiKey(info, hash));
        registry.State.Keys[id] = info;
        await registry.WriteStateAsync();
        return new CreatedApiKey(info, key, []);
    }

    public Task<IReadOnlyList<ApiKeyInfo>> List() =>
        Task.FromResult<IReadOnlyList<ApiKeyInfo>>([.. registry.State.Keys.Values.OrderBy(k => k.CreatedAt)]);

    public async Task<bool> Revoke(string id, string actor)
    {
        if (string.IsNullOrEmpty(id) || await GrainFactory.GetGrain<IApiKeyGrain>(id).Find() is not { } stored)
        {
            return false;
        }

        var revoked = stored with { Info = stored.Info with { RevokedAt = clock.GetUtcNow(), RevokedBy = actor } };
        await GrainFactory.GetGrain<IApiKeyGrain>(id).Store(revoked);
        registry.State.Keys[id] = revoked.Info;
        await registry.WriteStateAsync();
        return true;
    }

    public Task<StoredApiKey?> Find(string id) =>
        string.IsNullOrEmpty(id) ? Task.FromResult<StoredApiKey?>(null) : GrainFactory.GetGrain<IApiKeyGrain>(id).Find();
}
