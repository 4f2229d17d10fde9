using Warden.Abstractions.Labels;
using Warden.Abstractions.Policies;

namespace Warden.Core.Labels;

/// <summary>
/// Picks the labels a surface trusts. An appeal's outcome is selected on every surface: an overturn must
/// lift the enforcement everywhere, whatever a surface otherwise filters.
/// </summary>
public static class LabelSelector
{
    public static bool Selects(LabelSelectorSettings selector, Label label, DateTimeOffset now)
    {
        var source = label.Source;
        if (source.System == Appeals.AppealRules.System && source.Kind == SourceKind.Human)
        {
            return !label.IsExpired(now);
        }

        return !label.IsExpired(now)
            && (selector.IncludeKinds.Count == 0 || selector.IncludeKinds.Contains(source.Kind))
            && (selector.IncludeSystems.Count == 0 || selector.IncludeSystems.Contains(source.System))
            && !selector.ExcludeSystems.Contains(source.System)
            && (selector.IncludeNames.Count == 0 || selector.IncludeNames.Contains(source.Name))
            && !selector.ExcludeNames.Contains(source.Name)
            && (selector.MinConfidence is not { } min || label.Confidence is not { } confidence || confidence >= min)
            && (selector.MaxAge is not { } maxAge || now - label.CreatedAt <= maxAge);
    }

    public static IEnumerable<Label> Select(LabelSelectorSettings selector, IEnumerable<Label> labels, DateTimeOffset now) =>
        labels.Where(l => Selects(selector, l, now));
}
