using Warden.Abstractions.Reviews;
using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Core.Reviews;

/// <summary>Routing rules: validation of a table, and the first rule that matches a request.</summary>
public static class Routing
{
    public const int MaxRules = 500;

    public static IReadOnlyList<FieldError> Validate(RoutingTable table)
    {
        var errors = new List<FieldError>();
        if (table.Rules is null || table.Rules.Count > MaxRules)
        {
            return [new FieldError("Rules", $"at most {MaxRules} rules")];
        }

        for (var i = 0; i < table.Rules.Count; i++)
        {
            var rule = table.Rules[i];
            var field = $"Rules[{i}]";
            if (!TextRules.IsName(rule.Queue))
            {
                errors.Add(new FieldError($"{field}.Queue", $"'{rule.Queue}' is not a queue id"));
            }

            foreach (var (name, value) in new[] { ("EntityType", rule.EntityType), ("Policy", rule.Policy), ("ReportReason", rule.ReportReason) })
            {
                if (value is not null && !TextRules.IsName(value))
                {
                    errors.Add(new FieldError($"{field}.{name}", $"'{value}' is not a name"));
                }
            }

            if (rule.Locale is not null)
            {
                TextRules.RequireText(errors, $"{field}.Locale", rule.Locale, 35);
            }

            if (rule.MinScore is { } min && rule.MaxScore is { } max && min >= max)
            {
                errors.Add(new FieldError($"{field}.MinScore", $"must be below MaxScore ({max}), not {min}"));
            }

            if (rule.MinScore is { } low && !double.IsFinite(low) || rule.MaxScore is { } high && !double.IsFinite(high))
            {
                errors.Add(new FieldError($"{field}.MinScore", "score bounds must be finite numbers"));
            }
        }

        if (table.DefaultQueue is not null && !TextRules.IsName(table.DefaultQueue))
        {
            errors.Add(new FieldError("DefaultQueue", $"'{table.DefaultQueue}' is not a queue id"));
        }

        return errors;
    }

    /// <summary>The first matching rule, or null.</summary>
    public static RoutingRule? Match(RoutingTable table, RoutingRequest request) =>
        table.Rules.FirstOrDefault(rule => Matches(rule, request));

    private static bool Matches(RoutingRule rule, RoutingRequest request) =>
        (rule.EntityType is null || rule.EntityType == request.EntityType)
        && (rule.Policy is null || rule.Policy == request.Policy)
        && (rule.ReportReason is null || rule.ReportReason == request.ReportReason)
        && (rule.Locale is null || LocaleMatches(rule.Locale, request.Locale))
        && (rule.MinScore is null || request.Score >= rule.MinScore)
        && (rule.MaxScore is null || request.Score < rule.MaxScore);

    /// <summary><c>en</c> matches <c>en</c> and <c>en-GB</c>; <c>en-GB</c> only itself.</summary>
    private static bool LocaleMatches(string rule, string? locale) =>
        locale is not null
        && (string.Equals(rule, locale, StringComparison.OrdinalIgnoreCase)
            || locale.StartsWith(rule + "-", StringComparison.OrdinalIgnoreCase));
}
