using System.Text.RegularExpressions;
using Warden.Abstractions.Scoring;
using Warden.Core.Labels;
using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Core.Scoring;

/// <summary>Checks a submission before anything is stored; every bad field is named.</summary>
public static partial class SubmissionValidator
{
    public const int MaxKeyLength = 200;
    public const int MaxContextLength = 200;
    public const int MaxImageNameLength = 256;

    public static IReadOnlyList<FieldError> Validate(ContentSubmission? submission, string entity, CatalogView catalog, SubmissionLimits limits)
    {
        var errors = new List<FieldError>();
        if (submission is null)
        {
            return [new FieldError("Submission", "is required")];
        }

        errors.AddRange(EntityKey.Validate(entity, catalog));
        TextRules.RequireText(errors, "IdempotencyKey", submission.IdempotencyKey, MaxKeyLength);
        TextRules.RequireActor(errors, submission.Actor);
        var images = submission.Images ?? [];
        if (string.IsNullOrEmpty(submission.Text) && images.Count == 0)
        {
            errors.Add(new FieldError("Text", "a submission needs text, images or both"));
        }

        if (submission.Text is { } text)
        {
            TextRules.CheckText(errors, "Text", text, limits.MaxTextLength);
        }

        if (images.Count > limits.MaxImages)
        {
            errors.Add(new FieldError("Images", $"{images.Count} images; at most {limits.MaxImages} are allowed"));
        }

        for (var i = 0; i < Math.Min(images.Count, limits.MaxImages); i++)
        {
            var bytes = images[i]?.Bytes;
            if (bytes is null || bytes.Length == 0)
            {
                errors.Add(new FieldError($"Images[{i}]", "is empty"));
            }
            else if (bytes.Length > limits.MaxImageBytes)
            {
                errors.Add(new FieldError($"Images[{i}]", $"is {bytes.Length} bytes; at most {limits.MaxImageBytes} are allowed"));
            }
            else if (!LooksLikeImage(bytes))
            {
                errors.Add(new FieldError($"Images[{i}]", "is not a PNG, JPEG, WebP, GIF or BMP image"));
            }

            if (images[i]?.Name is { } name)
            {
                TextRules.CheckText(errors, $"Images[{i}].Name", name, MaxImageNameLength);
            }
        }

        if (submission.Author is { } author)
        {
            errors.AddRange(EntityKey.Validate(author, catalog).Select(e => e with { Field = "Author" }));
        }

        if (submission.Surface is { } surface && !catalog.TryGetSurface(surface, out _))
        {
            errors.Add(new FieldError("Surface", $"'{surface}' is not a surface in the catalog"));
        }

        if (submission.Community is { } community)
        {
            TextRules.CheckText(errors, "Community", community, MaxContextLength);
        }

        if (submission.Locale is { } locale && !LocalePattern().IsMatch(locale))
        {
            errors.Add(new FieldError("Locale", $"'{Shorten(locale)}' is not a BCP 47 language tag such as en or pt-BR"));
        }

        return errors;
    }

    /// <summary>The signatures of the formats the decoder takes: refuses other bytes before they are stored.</summary>
    public static bool LooksLikeImage(ReadOnlySpan<byte> bytes) => ImageSniffer.MediaType(bytes) is not null;

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
    private static partial Regex LocalePattern();
}
