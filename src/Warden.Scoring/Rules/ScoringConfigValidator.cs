using Warden.Abstractions.Labels;
using Warden.Abstractions.Scoring;
using Warden.Core.Labels;
using Warden.Scoring.Hashing;
using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Scoring.Rules;

/// <summary>Checks rule sets and bank imports before they are saved; every bad field is named, with the entry's index.</summary>
public static class ScoringConfigValidator
{
    public const int MaxKeywords = 200_000;
    public const int MaxPatterns = 500;
    public const int MaxTermLength = 200;
    public const int MaxPatternLength = 1_000;
    public const int MaxBankEntries = 2_000_000;

    public static IReadOnlyList<FieldError> Validate(RuleSetDefinition? set, CatalogView catalog, WordLists? wordLists)
    {
        if (set is null)
        {
            return [new FieldError("RuleSet", "is required")];
        }

        var errors = new List<FieldError>();
        CheckName(errors, set.Name);
        CheckPolicy(errors, set.Policy, catalog);
        if (set.Weight is <= 0 or > 1 || double.IsNaN(set.Weight))
        {
            errors.Add(new FieldError("Weight", "must be above 0 and at most 1"));
        }

        var keywords = set.Keywords ?? [];
        var patterns = set.Patterns ?? [];
        var lists = set.WordLists ?? [];
        if (keywords.Count + patterns.Count + lists.Count == 0)
        {
            errors.Add(new FieldError("Keywords", "a rule set needs keywords, patterns or word lists"));
        }

        if (keywords.Count > MaxKeywords)
        {
            errors.Add(new FieldError("Keywords", $"{keywords.Count} keywords; at most {MaxKeywords} are allowed"));
        }

        for (var i = 0; i < Math.Min(keywords.Count, MaxKeywords); i++)
        {
            if (string.IsNullOrWhiteSpace(keywords[i]) || keywords[i].Length > MaxTermLength || Text.TextNormalizer.Words(keywords[i]).Count == 0)
            {
                errors.Add(new FieldError($"Keywords[{i}]", $"must contain a word and be at most {MaxTermLength} characters"));
            }
        }

        if (patterns.Count > MaxPatterns)
        {
            errors.Add(new FieldError("Patterns", $"{patterns.Count} patterns; at most {MaxPatterns} are allowed"));
        }

        for (var i = 0; i < Math.Min(patterns.Count, MaxPatterns); i++)
        {
            if (string.IsNullOrEmpty(patterns[i]) || patterns[i].Length > MaxPatternLength)
            {
                errors.Add(new FieldError($"Patterns[{i}]", $"must be 1 to {MaxPatternLength} characters"));
                continue;
            }

            try
            {
                RuleMatcher.Compile(patterns[i]);
            }
            catch (Exception error) when (error is ArgumentException or NotSupportedException)
            {
                errors.Add(new FieldError($"Patterns[{i}]", $"is not a usable regular expression: {error.Message}"));
            }
        }

        for (var i = 0; i < lists.Count; i++)
        {
            var problem = wordLists is null ? "word lists are not available on this silo" : wordLists.Problem(lists[i] ?? string.Empty);
            if (problem is not null)
            {
                errors.Add(new FieldError($"WordLists[{i}]", problem));
            }
        }

        return errors;
    }

    public static IReadOnlyList<FieldError> Validate(HashBankInfo? bank, IReadOnlyList<HashBankEntry>? entries, CatalogView catalog)
    {
        if (bank is null)
        {
            return [new FieldError("Bank", "is required")];
        }

        var errors = new List<FieldError>();
        CheckName(errors, bank.Name);
        CheckPolicy(errors, bank.Policy, catalog);
        if (!catalog.TryGetSeverity(bank.Enforcement ?? string.Empty, out _))
        {
            errors.Add(new FieldError("Enforcement", $"'{bank.Enforcement}' is not an enforcement in the catalog"));
        }

        if (bank.Threshold is < 0 or > 64)
        {
            errors.Add(new FieldError("Threshold", "must be 0 to 64 bits (PDQ's customary match is 31)"));
        }

        entries ??= [];
        if (entries.Count > MaxBankEntries)
        {
            errors.Add(new FieldError("Entries", $"{entries.Count} entries in one import; at most {MaxBankEntries} are allowed"));
            return errors;
        }

        for (var i = 0; i < entries.Count && errors.Count < 100; i++)
        {
            var entry = entries[i];
            if (entry is null || !IsHex64(entry.Hash))
            {
                errors.Add(new FieldError($"Entries[{i}].Hash", "must be 64 lower-case hexadecimal digits"));
            }
            else if (entry.Label is { Length: > MaxTermLength })
            {
                errors.Add(new FieldError($"Entries[{i}].Label", $"must be at most {MaxTermLength} characters"));
            }
        }

        return errors;
    }

    private static bool IsHex64(string? hash) => hash is { Length: 64 } && hash.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f') && (Hash256.TryParse(hash, out _));

    private static void CheckName(List<FieldError> errors, string? name)
    {
        if (!TextRules.IsName(name) || name!.Length > 64)
        {
            errors.Add(new FieldError("Name", "must be 1 to 64 lower-case letters, digits, '-' or '_'"));
        }
    }

    private static void CheckPolicy(List<FieldError> errors, string? policy, CatalogView catalog)
    {
        if (policy is null || !catalog.IsPolicy(policy))
        {
            errors.Add(new FieldError("Policy", $"'{policy}' is not a policy in the catalog"));
        }
    }
}
