using Warden.Abstractions.Policies;

namespace Warden.Grains.Policies;

[GenerateSerializer, Alias("warden.policies.catalog-state")]
public sealed class PolicyCatalogState
{
    /// <summary>Null until a lead first saves a catalog; the default catalog applies until then.</summary>
    [Id(0)] public PolicyCatalog? Current { get; set; }

    /// <summary>Every saved version, oldest first, for audit and rollback.</summary>
    [Id(1)] public List<PolicyCatalog> History { get; set; } = [];
}
