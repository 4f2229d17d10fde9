using SkiaSharp;

namespace Warden.Scoring.Models;

/// <summary>
/// Turns decoded pixels into an image model's input exactly as the model's reference implementation
/// does. <see cref="UnitRgbAlignedBilinear"/> is nsfwjs's: RGB channels (alpha ignored, no colour
/// management) divided by 255 in float32, then TensorFlow.js's bilinear resize with aligned corners
/// (source = destination × (in − 1) / (out − 1), no half-pixel centres) to the model's size, no crop,
/// NHWC. The arithmetic mirrors TensorFlow.js's CPU kernel (interpolation in double, stored as float32),
/// so the same pixels give the same tensor.
/// </summary>
public static class ImagePreprocessing
{
    public const string UnitRgbAlignedBilinear = "rgb-unit-bilinear-aligned/1";

    public static bool Known(string name) => name == UnitRgbAlignedBilinear;

    public static string Describe(string name) => name == UnitRgbAlignedBilinear
        ? "RGB from the decoded image (alpha ignored), each channel divided by 255 (float32), resized to the input size by bilinear interpolation with aligned corners (TensorFlow.js resizeBilinear, alignCorners=true, halfPixelCenters=false), no crop, NHWC"
        : throw new ArgumentException($"unknown preprocessing '{name}'", nameof(name));

    /// <summary>RGB bytes (row-major, 3 per pixel) of a decoded bitmap, unpremultiplied.</summary>
    public static byte[] Rgb(SKBitmap bitmap)
    {
        using var rgba = new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (var pixmap = bitmap.PeekPixels())
        {
            if (pixmap is null || !pixmap.ReadPixels(rgba.Info, rgba.GetPixels(), rgba.RowBytes, 0, 0))
            {
                throw new InvalidDataException($"the {bitmap.ColorType} image could not be read as RGBA");
            }
        }

        var source = rgba.GetPixelSpan();
        var rgb = new byte[bitmap.Width * bitmap.Height * 3];
        for (int i = 0, j = 0; j < rgb.Length; i += 4, j += 3)
        {
            rgb[j] = source[i];
            rgb[j + 1] = source[i + 1];
            rgb[j + 2] = source[i + 2];
        }

        return rgb;
    }

    /// <summary>Writes one preprocessed image, [height, width, 3], into <paramref name="destination"/>.</summary>
    /// <param name="pixels">Row-major pixels, <paramref name="stride"/> bytes each: 3 (RGB) or 4 (RGBA, alpha ignored).</param>
    public static void Fill(ReadOnlySpan<byte> pixels, int width, int height, int outHeight, int outWidth, Span<float> destination, int stride = 3)
    {
        if (stride is not (3 or 4) || pixels.Length != width * height * stride || destination.Length != outHeight * outWidth * 3)
        {
            throw new ArgumentException("pixel and tensor sizes do not match the dimensions");
        }

        // Only the sampled pixels are converted; each conversion is the float32 quotient TensorFlow.js stores.
        var unit = UnitValues;
        var output = 0;
        if (width == outWidth && height == outHeight)
        {
            for (var i = 0; i < pixels.Length; i += stride)
            {
                destination[output++] = unit[pixels[i]];
                destination[output++] = unit[pixels[i + 1]];
                destination[output++] = unit[pixels[i + 2]];
            }

            return;
        }

        var rowRatio = outHeight > 1 ? (height - 1) / (double)(outHeight - 1) : height / (double)outHeight;
        var colRatio = outWidth > 1 ? (width - 1) / (double)(outWidth - 1) : width / (double)outWidth;
        for (var r = 0; r < outHeight; r++)
        {
            var sourceRow = rowRatio * r;
            var rowFloor = Math.Max(0, (int)Math.Floor(sourceRow));
            var rowFraction = sourceRow - rowFloor;
            var rowCeil = Math.Min(height - 1, (int)Math.Ceiling(sourceRow));
            for (var c = 0; c < outWidth; c++)
            {
                var sourceCol = colRatio * c;
                var colFloor = Math.Max(0, (int)Math.Floor(sourceCol));
                var colFraction = sourceCol - colFloor;
                var colCeil = Math.Min(width - 1, (int)Math.Ceiling(sourceCol));
                int topLeft = ((rowFloor * width) + colFloor) * stride, topRight = ((rowFloor * width) + colCeil) * stride;
                int bottomLeft = ((rowCeil * width) + colFloor) * stride, bottomRight = ((rowCeil * width) + colCeil) * stride;
                for (var d = 0; d < 3; d++)
                {
                    double tl = unit[pixels[topLeft + d]], tr = unit[pixels[topRight + d]], bl = unit[pixels[bottomLeft + d]], br = unit[pixels[bottomRight + d]];
                    var top = tl + ((tr - tl) * colFraction);
                    var bottom = bl + ((br - bl) * colFraction);
                    destination[output++] = (float)(top + ((bottom - top) * rowFraction));
                }
            }
        }
    }

    private static readonly float[] UnitValues = [.. Enumerable.Range(0, 256).Select(v => (float)(v / 255.0))];
}
