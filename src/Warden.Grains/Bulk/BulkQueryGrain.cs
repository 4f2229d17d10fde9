using Microsoft.Extensions.DependencyInjection;
using Warden.Abstractions.Bulk;
using Warden.Abstractions.Labels;
using Warden.Core.Bulk;
using Warden.Grains.Policies;

namespace Warden.Grains.Bulk;

/// <summary>Dry runs (count and sample of what a query matches now) and the list of operations; any silo answers.</summary>
[StatelessWorker]
public sealed class BulkQueryGrain(IServiceProvider services, CatalogCache catalogs) : Grain, IBulkQueryGrain
{
    public const int SampleSize = 20;

    private readonly PostgresBulkStore? _store = services.GetService<PostgresBulkStore>();

    public async Task<BulkPreview> Preview(BulkQuery query)
    {
        var errors = BulkRules.Validate(query, await catalogs.GetAsync());
        if (errors.Count > 0 || _store is null)
        {
            return new BulkPreview(0, [], errors.Count > 0 ? [.. errors] : [BulkOperationGrain.Unavailable]);
        }

        var (count, sample) = await _store.PreviewAsync(query, SampleSize);
        return new BulkPreview(count, [.. sample], []);
    }

    public async Task<IReadOnlyList<BulkOperationInfo>> List(int limit) => _store is null ? [] : await _store.ListAsync(Math.Clamp(limit, 1, 500));
}
