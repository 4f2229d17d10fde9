using Warden.Abstractions.Policies;
using Warden.Core.Labels;

namespace Warden.Grains.Policies;

/// <summary>
/// This silo's copy of the policy catalog, read on every label check and enforcement decision. Kept
/// current by the broadcast from <see cref="PolicyCatalogGrain"/>, and re-checked against the catalog
/// grain now and then in case a broadcast was missed (a silo that joined mid-update).
/// </summary>
public sealed class CatalogCache(IGrainFactory grains, TimeProvider clock)
{
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(30);
    private volatile CatalogView? _current;
    private long _checkedAt;
    private int _rechecking;

    /// <summary>The installed version; 0 before the first load.</summary>
    public int Version => _current?.Version ?? 0;

    public ValueTask<CatalogView> GetAsync()
    {
        var current = _current;
        if (current is null)
        {
            return new ValueTask<CatalogView>(LoadAsync());
        }

        if (clock.GetTimestamp() - Interlocked.Read(ref _checkedAt) > RecheckEvery.TotalSeconds * clock.TimestampFrequency
            && Interlocked.Exchange(ref _rechecking, 1) == 0)
        {
            _ = RecheckAsync();
        }

        return new ValueTask<CatalogView>(current);
    }

    /// <summary>Installs <paramref name="catalog"/> unless this silo already has that version or a newer one.</summary>
    public void Apply(PolicyCatalog catalog)
    {
        Interlocked.Exchange(ref _checkedAt, clock.GetTimestamp());
        var current = _current;
        if (current is null || catalog.Version > current.Version)
        {
            _current = new CatalogView(catalog);
        }
    }

    private async Task<CatalogView> LoadAsync()
    {
        Apply(await grains.GetGrain<IPolicyCatalogGrain>(IPolicyCatalogGrain.DefaultKey).Get());
        return _current!;
    }

    private async Task RecheckAsync()
    {
        try
        {
            await LoadAsync();
        }
        catch (Exception)
        {
            // The cached copy stays in use; the next read tries again.
        }
        finally
        {
            Volatile.Write(ref _rechecking, 0);
        }
    }
}
