using Warden.Abstractions.Labels;
using Warden.Abstractions.Policies;

namespace Warden.Core.Labels;

/// <summary>
/// Ranks the labels a surface selected into one enforcement: score = reputation(source) ×
/// 0.5^(age / half-life); equal scores go to the more severe enforcement, then to the newer label.
/// </summary>
public static class EnforcementResolver
{
    public static EnforcementDecision Resolve(string entity, SurfaceDefinition surface, IEnumerable<Label> labels, CatalogView catalog, DateTimeOffset now)
    {
        var ranked = LabelSelector.Select(surface.Selector, labels, now)
            .Select(label => Rank(label, surface, catalog, now))
            .OrderByDescending(r => r.Score)
            .ThenByDescending(r => r.Severity)
            .ThenByDescending(r => r.Label.CreatedAt)
            .ThenBy(r => r.Label.Source.Key, StringComparer.Ordinal)
            .ToList();
        var winner = ranked.FirstOrDefault();
        return new EnforcementDecision
        {
            Entity = entity,
            Surface = surface.Name,
            Enforcement = winner?.Label.Enforcement ?? catalog.Mildest,
            Winner = winner?.Label,
            Ranked = ranked,
            CatalogVersion = catalog.Version,
            DecidedAt = now,
        };
    }

    public static double Freshness(TimeSpan age, TimeSpan halfLife) =>
        age <= TimeSpan.Zero ? 1 : Math.Pow(0.5, age / halfLife);

    private static RankedLabel Rank(Label label, SurfaceDefinition surface, CatalogView catalog, DateTimeOffset now)
    {
        var reputation = catalog.Reputation(label.Source);
        var freshness = Freshness(now - label.CreatedAt, surface.FreshnessHalfLife);
        return new RankedLabel(label, reputation, freshness, reputation * freshness, catalog.Severity(label.Enforcement));
    }
}
