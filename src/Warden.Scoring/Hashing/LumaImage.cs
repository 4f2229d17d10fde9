using SkiaSharp;

namespace Warden.Scoring.Hashing;

/// <summary>An image as PDQ sees it: one luma value per pixel (Y = 0.299 R + 0.587 G + 0.114 B).</summary>
public sealed class LumaImage(int width, int height, float[] luma)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    /// <summary>Row-major, <see cref="Width"/> values per row.</summary>
    public float[] Luma { get; } = luma;

    /// <summary>Decodes PNG, JPEG, WebP, GIF or BMP bytes; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static LumaImage Decode(ReadOnlySpan<byte> encoded)
    {
        using var bitmap = DecodeBitmap(encoded);
        return FromBitmap(bitmap);
    }

    /// <summary>
    /// Decodes the image; where the format can (JPEG, WebP) it is decoded already scaled down to about
    /// <paramref name="targetPixels"/>, which is all PDQ and OCR need: a 12-megapixel photo then costs a fraction
    /// of its full size. Formats that cannot scale while decoding are decoded whole (their size is bounded at intake).
    /// </summary>
    public static SKBitmap DecodeBitmap(ReadOnlySpan<byte> encoded, long targetPixels = long.MaxValue)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data) ?? throw new InvalidDataException("not an image this server can decode (PNG, JPEG, WebP, GIF or BMP)");
        var size = codec.Info.Size;
        var pixels = (long)size.Width * size.Height;
        if (pixels > targetPixels)
        {
            size = codec.GetScaledDimensions((float)Math.Sqrt(targetPixels / (double)pixels));
        }

        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            bitmap.Dispose();
            throw new InvalidDataException($"the image could not be decoded ({result})");
        }

        return bitmap;
    }

    public static LumaImage FromBitmap(SKBitmap bitmap)
    {
        using var rgba = bitmap.ColorType == SKColorType.Rgba8888 ? null : bitmap.Copy(SKColorType.Rgba8888);
        var source = rgba ?? bitmap;
        var pixels = source.GetPixelSpan();
        var luma = new float[source.Width * source.Height];
        for (var y = 0; y < source.Height; y++)
        {
            var row = pixels.Slice(y * source.RowBytes, source.Width * 4);
            for (int x = 0, p = 0; x < source.Width; x++, p += 4)
            {
                luma[(y * source.Width) + x] = (0.299f * row[p]) + (0.587f * row[p + 1]) + (0.114f * row[p + 2]);
            }
        }

        return new LumaImage(source.Width, source.Height, luma);
    }
}
