using Warden.Abstractions.Policies;
using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Core.Labels;

/// <summary>Lists every problem with a proposed catalog, each naming its field; empty when usable.</summary>
public static class CatalogValidator
{
    public static IReadOnlyList<FieldError> Validate(PolicyCatalog catalog)
    {
        var errors = new List<FieldError>();
        CheckNames(errors, "EntityTypes", catalog.EntityTypes);
        CheckNames(errors, "Policies", catalog.Policies.Select(p => p.Name).ToList());
        CheckNames(errors, "Enforcements", catalog.Enforcements.Select(e => e.Name).ToList());
        if (catalog.Enforcements.Count < 2)
        {
            errors.Add(new FieldError("Enforcements", "needs at least two enforcements (e.g. allow < block)"));
        }

        foreach (var clash in catalog.Enforcements.GroupBy(e => e.Severity).Where(g => g.Count() > 1))
        {
            errors.Add(new FieldError("Enforcements", $"severity {clash.Key} is shared by {string.Join(", ", clash.Select(e => e.Name))}; severities must be distinct"));
        }

        CheckSources(errors, catalog);
        var enforcements = catalog.Enforcements.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        if (catalog.TrustedEntities is { } rule && !enforcements.Contains(rule.HoldAtOrAbove))
        {
            errors.Add(new FieldError("TrustedEntities.HoldAtOrAbove", $"unknown enforcement '{rule.HoldAtOrAbove}'"));
        }

        CheckNames(errors, "Surfaces", catalog.Surfaces.Select(s => s.Name).ToList());
        foreach (var surface in catalog.Surfaces)
        {
            CheckSurface(errors, surface);
        }

        CheckStrikes(errors, catalog, enforcements);
        if (catalog.MaxEvidenceLength is < 1 or > 65_536)
        {
            errors.Add(new FieldError("MaxEvidenceLength", $"must be between 1 and 65536, not {catalog.MaxEvidenceLength}"));
        }

        return errors;
    }

    private static void CheckStrikes(List<FieldError> errors, PolicyCatalog catalog, HashSet<string> enforcements)
    {
        foreach (var policy in catalog.Policies)
        {
            if (policy.StrikeWeight is < 0 or > 100)
            {
                errors.Add(new FieldError($"Policies[{policy.Name}].StrikeWeight", $"must be between 0 and 100, not {policy.StrikeWeight}"));
            }

            if (policy.StrikeLifetime is { } lifetime && lifetime <= TimeSpan.Zero)
            {
                errors.Add(new FieldError($"Policies[{policy.Name}].StrikeLifetime", "must be positive"));
            }
        }

        var previous = 0;
        foreach (var threshold in catalog.StrikeThresholds)
        {
            if (threshold.Strikes <= previous)
            {
                errors.Add(new FieldError("StrikeThresholds", $"{threshold.Strikes} must be positive and above the threshold before it ({previous})"));
            }

            if (!enforcements.Contains(threshold.Enforcement))
            {
                errors.Add(new FieldError("StrikeThresholds", $"unknown enforcement '{threshold.Enforcement}'"));
            }

            previous = Math.Max(previous, threshold.Strikes);
        }
    }

    private static void CheckNames(List<FieldError> errors, string field, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            errors.Add(new FieldError(field, "must not be empty"));
        }

        foreach (var name in names.Where(n => !TextRules.IsName(n)))
        {
            errors.Add(new FieldError(field, $"'{name}' is not a name: use lower-case letters, digits, _ and -, starting with a letter, at most 64"));
        }

        foreach (var duplicate in names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new FieldError(field, $"'{duplicate.Key}' appears {duplicate.Count()} times"));
        }
    }

    private static void CheckSources(List<FieldError> errors, PolicyCatalog catalog)
    {
        if (!IsWeight(catalog.DefaultReputation))
        {
            errors.Add(new FieldError("DefaultReputation", $"must be a number between 0 and 1, not {catalog.DefaultReputation}"));
        }

        foreach (var (source, i) in catalog.Sources.Select((s, i) => (s, i)))
        {
            if (string.IsNullOrWhiteSpace(source.System))
            {
                errors.Add(new FieldError($"Sources[{i}].System", "must not be empty"));
            }

            if (!IsWeight(source.Reputation))
            {
                errors.Add(new FieldError($"Sources[{i}].Reputation", $"must be a number between 0 and 1, not {source.Reputation}"));
            }
        }

        foreach (var duplicate in catalog.Sources.GroupBy(s => (s.System, s.Kind, s.Name)).Where(g => g.Count() > 1))
        {
            errors.Add(new FieldError("Sources", $"the rule for {duplicate.Key.System}/{duplicate.Key.Kind?.ToString() ?? "*"}/{duplicate.Key.Name ?? "*"} appears {duplicate.Count()} times"));
        }
    }

    private static void CheckSurface(List<FieldError> errors, SurfaceDefinition surface)
    {
        var field = $"Surfaces[{surface.Name}]";
        if (surface.FreshnessHalfLife <= TimeSpan.Zero)
        {
            errors.Add(new FieldError($"{field}.FreshnessHalfLife", "must be positive"));
        }

        if (surface.Selector.MinConfidence is { } min && !IsWeight(min))
        {
            errors.Add(new FieldError($"{field}.Selector.MinConfidence", $"must be between 0 and 1, not {min}"));
        }

        if (surface.Selector.MaxAge is { } age && age <= TimeSpan.Zero)
        {
            errors.Add(new FieldError($"{field}.Selector.MaxAge", "must be positive"));
        }

        if (surface.Selector.IncludeKinds.Any(k => !Enum.IsDefined(k)))
        {
            errors.Add(new FieldError($"{field}.Selector.IncludeKinds", "names an unknown source kind"));
        }
    }

    private static bool IsWeight(double value) => double.IsFinite(value) && value is >= 0 and <= 1;
}
