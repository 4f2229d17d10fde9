using System.Collections.Frozen;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Policies;

namespace Warden.Core.Labels;

/// <summary>
/// A validated catalog indexed for the hot path: built once per catalog version, then read by every
/// label check and enforcement decision on the silo without allocation.
/// </summary>
public sealed class CatalogView
{
    private readonly FrozenDictionary<string, int> _severities;
    private readonly FrozenSet<string> _policies;
    private readonly FrozenSet<string> _entityTypes;
    private readonly FrozenDictionary<string, SurfaceDefinition> _surfaces;
    private readonly SourceReputation[] _reputations;

    public CatalogView(PolicyCatalog catalog)
    {
        var errors = CatalogValidator.Validate(catalog);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid policy catalog: " + string.Join("; ", errors), nameof(catalog));
        }

        Catalog = catalog;
        _severities = catalog.Enforcements.ToFrozenDictionary(e => e.Name, e => e.Severity, StringComparer.Ordinal);
        _policies = catalog.Policies.Select(p => p.Name).ToFrozenSet(StringComparer.Ordinal);
        _entityTypes = catalog.EntityTypes.ToFrozenSet(StringComparer.Ordinal);
        _surfaces = catalog.Surfaces.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
        // Most specific first, so the first match is the one that applies.
        _reputations = [.. catalog.Sources.OrderByDescending(s => (s.Kind is null ? 0 : 1) + (s.Name is null ? 0 : 2))];
        Mildest = catalog.Enforcements.MinBy(e => e.Severity)!.Name;
        HoldSeverity = catalog.TrustedEntities is { } rule ? _severities[rule.HoldAtOrAbove] : null;
    }

    public PolicyCatalog Catalog { get; }

    public int Version => Catalog.Version;

    /// <summary>The enforcement that applies when no label does (allow).</summary>
    public string Mildest { get; }

    /// <summary>Automated labels at or above this severity are held on trusted entities; null: never.</summary>
    public int? HoldSeverity { get; }

    public IEnumerable<string> SurfaceNames => _surfaces.Keys;

    public bool IsPolicy(string name) => _policies.Contains(name);

    public bool IsEntityType(string type) => _entityTypes.Contains(type);

    public bool TryGetSeverity(string enforcement, out int severity) => _severities.TryGetValue(enforcement, out severity);

    public int Severity(string enforcement) => _severities[enforcement];

    public bool TryGetSurface(string name, out SurfaceDefinition surface) => _surfaces.TryGetValue(name, out surface!);

    public double Reputation(LabelSource source)
    {
        foreach (var rule in _reputations)
        {
            if (rule.System == source.System
                && (rule.Kind is null || rule.Kind == source.Kind)
                && (rule.Name is null || rule.Name == source.Name))
            {
                return rule.Reputation;
            }
        }

        return Catalog.DefaultReputation;
    }
}
