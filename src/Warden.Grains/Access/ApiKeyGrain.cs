using Warden.Abstractions.Access;
using Warden.Abstractions.Runtime;

namespace Warden.Grains.Access;

[GenerateSerializer, Alias("warden.access.api-key-state")]
public sealed class ApiKeyState
{
    [Id(0)] public StoredApiKey? Key { get; set; }
}

public sealed class ApiKeyGrain([PersistentState("api-key", WardenProviders.GrainStorage)] IPersistentState<ApiKeyState> state) : Grain, IApiKeyGrain
{
    public Task<StoredApiKey?> Find() => Task.FromResult(state.State.Key);

    public async Task Store(StoredApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Info.Id != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"key {key.Info.Id} belongs to another grain", nameof(key));
        }

        state.State.Key = key;
        await state.WriteStateAsync();
    }
}
