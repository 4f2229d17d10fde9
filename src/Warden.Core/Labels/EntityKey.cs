using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Core.Labels;

/// <summary>Entity keys are <c>{type}:{id}</c>, e.g. <c>pin:1233211212</c>; the type set comes from the catalog.</summary>
public static class EntityKey
{
    public const int MaxLength = 256;

    public static IReadOnlyList<FieldError> Validate(string? key, CatalogView catalog)
    {
        var errors = new List<FieldError>();
        TextRules.RequireText(errors, "Entity", key, MaxLength);
        if (errors.Count > 0)
        {
            return errors;
        }

        var colon = key!.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == key.Length - 1)
        {
            errors.Add(new FieldError("Entity", $"'{key}' is not of the form type:id"));
        }
        else if (!catalog.IsEntityType(key[..colon]))
        {
            errors.Add(new FieldError("Entity", $"unknown entity type '{key[..colon]}'"));
        }
        else if (key.AsSpan(colon + 1).ContainsAny([' ', '\t', '\r', '\n']))
        {
            errors.Add(new FieldError("Entity", "the id must not contain white space"));
        }

        return errors;
    }
}
