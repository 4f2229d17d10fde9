using Warden.Abstractions.Labels;
using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Core.Labels;

/// <summary>Refuses malformed labels, naming every bad field at once.</summary>
public static class LabelChecker
{
    public const int MaxSourcePartLength = 128;

    /// <summary>How far in the future a label's creation time may be, to allow for clock skew.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    public static IReadOnlyList<FieldError> Check(Label? label, CatalogView catalog, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (label is null)
        {
            errors.Add(new FieldError("Label", "is required"));
            return errors;
        }

        if (label.Source is null)
        {
            errors.Add(new FieldError("Source", "is required"));
        }
        else
        {
            TextRules.RequireText(errors, "Source.System", label.Source.System, MaxSourcePartLength);
            TextRules.RequireText(errors, "Source.Name", label.Source.Name, MaxSourcePartLength);
            if (!Enum.IsDefined(label.Source.Kind))
            {
                errors.Add(new FieldError("Source.Kind", $"must be automated or human, not {(int)label.Source.Kind}"));
            }
        }

        if (string.IsNullOrEmpty(label.Enforcement) || !catalog.TryGetSeverity(label.Enforcement, out _))
        {
            errors.Add(new FieldError("Enforcement", $"unknown enforcement '{label.Enforcement}'"));
        }

        if (string.IsNullOrEmpty(label.Policy) || !catalog.IsPolicy(label.Policy))
        {
            errors.Add(new FieldError("Policy", $"unknown policy '{label.Policy}'"));
        }

        if (label.CreatedAt == default)
        {
            errors.Add(new FieldError("CreatedAt", "is required"));
        }
        else if (label.CreatedAt > now + AllowedClockSkew)
        {
            errors.Add(new FieldError("CreatedAt", $"{label.CreatedAt:O} is in the future"));
        }

        if (label.ExpiresAt is { } expires)
        {
            if (expires <= now)
            {
                errors.Add(new FieldError("ExpiresAt", $"{expires:O} is in the past"));
            }
            else if (expires <= label.CreatedAt)
            {
                errors.Add(new FieldError("ExpiresAt", "must be after CreatedAt"));
            }
        }

        if (label.Confidence is { } confidence && !(confidence is >= 0 and <= 1))
        {
            errors.Add(new FieldError("Confidence", $"must be between 0 and 1, not {confidence}"));
        }

        if (label.Evidence is not null)
        {
            TextRules.CheckText(errors, "Evidence", label.Evidence, catalog.Catalog.MaxEvidenceLength);
        }

        return errors;
    }
}
