using Warden.Abstractions.Policies;
using Warden.Abstractions.Runtime;
using Warden.Core.Labels;
using Warden.Grains.Runtime;
using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Grains.Policies;

public sealed class PolicyCatalogGrain(
    [PersistentState("catalog", WardenProviders.GrainStorage)] IPersistentState<PolicyCatalogState> state,
    SiloBroadcast broadcast,
    TimeProvider clock)
    : Grain, IPolicyCatalogGrain
{
    public const string ChannelNamespace = "warden.catalog";

    public Task<PolicyCatalog> Get() => Task.FromResult(state.State.Current ?? DefaultPolicyCatalog.Create());

    public async Task<CatalogUpdateResult> Update(PolicyCatalog proposed, int expectedVersion, string actor)
    {
        var current = state.State.Current ?? DefaultPolicyCatalog.Create();
        if (proposed is null)
        {
            return new CatalogUpdateResult(false, current.Version, [new FieldError("Catalog", "is required")]);
        }

        if (ExpectedVersion.Check("the catalog", current.Version, expectedVersion) is { } stale)
        {
            return new CatalogUpdateResult(false, current.Version, [stale]);
        }

        var errors = CatalogValidator.Validate(proposed);
        if (errors.Count > 0)
        {
            return new CatalogUpdateResult(false, current.Version, [.. errors]);
        }

        var next = proposed with { Version = current.Version + 1, ChangedAt = clock.GetUtcNow(), ChangedBy = actor };
        state.State.Current = next;
        state.State.History.Add(next);
        await state.WriteStateAsync();
        await broadcast.PublishAsync(ChannelNamespace, next);
        return new CatalogUpdateResult(true, next.Version, []);
    }
}
