using Warden.Abstractions.Access;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Runtime;
using Warden.Core.Access;
using Warden.Core.Labels;

namespace Warden.Grains.Access;

[GenerateSerializer, Alias("warden.access.api-keys-state")]
public sealed class ApiKeyRegistryState
{
    [Id(0)] public Dictionary<string, StoredApiKey> Keys { get; set; } = [];
}

public sealed class ApiKeyRegistryGrain(
    [PersistentState("api-keys", WardenProviders.GrainStorage)] IPersistentState<ApiKeyRegistryState> registry,
    TimeProvider clock)
    : Grain, IApiKeyRegistryGrain
{
    public async Task<CreatedApiKey> Create(string name, IReadOnlyList<string> scopes, string actor)
    {
        var errors = new List<FieldError>();
        TextRules.RequireText(errors, "Name", name, 128);
        TextRules.RequireText(errors, "Actor", actor, 256);
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
        registry.State.Keys[id] = new StoredApiKey(info, hash);
        await registry.WriteStateAsync();
        return new CreatedApiKey(info, key, []);
    }

    public Task<IReadOnlyList<ApiKeyInfo>> List() =>
        Task.FromResult<IReadOnlyList<ApiKeyInfo>>([.. registry.State.Keys.Values.Select(k => k.Info).OrderBy(k => k.CreatedAt)]);

    public async Task<bool> Revoke(string id, string actor)
    {
        if (id is null || !registry.State.Keys.TryGetValue(id, out var stored))
        {
            return false;
        }

        registry.State.Keys[id] = stored with { Info = stored.Info with { RevokedAt = clock.GetUtcNow(), RevokedBy = actor } };
        await registry.WriteStateAsync();
        return true;
    }

    public Task<StoredApiKey?> Find(string id) => Task.FromResult(id is null ? null : registry.State.Keys.GetValueOrDefault(id));
}
