using System.Text.RegularExpressions;
using Warden.Abstractions.Validation;

namespace Warden.Core.Validation;

/// <summary>
/// Checks for the free text Warden stores. Anything may arrive (content under review is hostile), but
/// only text PostgreSQL can hold exactly is accepted: no NUL, no unpaired surrogate.
/// </summary>
public static partial class TextRules
{
    /// <summary>Who did something (<c>user:42</c>, <c>svc:reports</c>, an API key's name): at most this long.</summary>
    public const int MaxActorLength = 256;

    /// <summary>Adds an error when <paramref name="actor"/> is missing, too long or not storable text.</summary>
    public static void RequireActor(List<FieldError> errors, string? actor, string field = "Actor") =>
        RequireText(errors, field, actor, MaxActorLength);

    /// <summary>Catalog names: lower-case words joined by _ or -, e.g. <c>hide_from_recommendations</c>.</summary>
    public static bool IsName(string? value) => value is not null && NamePattern().IsMatch(value);

    /// <summary>Adds an error when <paramref name="value"/> is empty, too long, or not storable text.</summary>
    public static void RequireText(List<FieldError> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, "must not be empty"));
            return;
        }

        CheckText(errors, field, value, maxLength);
    }

    /// <summary>Adds an error when <paramref name="value"/> is too long or not storable text.</summary>
    public static void CheckText(List<FieldError> errors, string field, string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            errors.Add(new FieldError(field, $"is {value.Length} characters long; at most {maxLength} are allowed"));
        }
        else if (value.Contains('\0'))
        {
            errors.Add(new FieldError(field, "must not contain the NUL character"));
        }
        else if (!IsWellFormed(value))
        {
            errors.Add(new FieldError(field, "is not well-formed Unicode (an unpaired surrogate)"));
        }
    }

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();
}
