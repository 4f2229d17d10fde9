using Warden.Abstractions.Scoring;
using Warden.Core.Scoring;
using Warden.Scoring.Hashing;
using Warden.Abstractions.Validation;

namespace Warden.Grains.Scoring;

/// <summary>
/// Refuses images by what their headers declare, before anything is decoded: more pixels than an image or a
/// submission may have, or a header no decoder reads. Each problem names the image.
/// </summary>
public static class ImagePixelCheck
{
    public static List<FieldError> Validate(IReadOnlyList<SubmittedImage> images, SubmissionLimits limits)
    {
        var errors = new List<FieldError>();
        long total = 0;
        for (var i = 0; i < images.Count; i++)
        {
            if (ImageHeader.Dimensions(images[i].Bytes) is not { } size)
            {
                errors.Add(new FieldError($"Images[{i}]", "has an image signature but no readable header (PNG, JPEG, WebP, GIF or BMP)"));
                continue;
            }

            var pixels = ImageHeader.Pixels(size);
            total += pixels;
            if (size.Width <= 0 || size.Height <= 0 || pixels > limits.MaxImagePixels)
            {
                errors.Add(new FieldError($"Images[{i}]", $"declares {size.Width}×{size.Height} pixels; at most {limits.MaxImagePixels / 1_000_000.0:0.#} megapixels are allowed"));
            }
        }

        if (errors.Count == 0 && total > limits.MaxSubmissionPixels)
        {
            errors.Add(new FieldError("Images", $"declare {total / 1_000_000.0:0.#} megapixels together; at most {limits.MaxSubmissionPixels / 1_000_000.0:0.#} are allowed"));
        }

        return errors;
    }
}
