using SkiaSharp;

namespace Warden.Testing;

/// <summary>Images the tests draw themselves: scenes of shapes for hashing, lines of text for OCR, photo-like
/// gradients and cartoon drawings for the image model.</summary>
public static class TestImages
{
    public const string FontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    /// <summary>A gradient with a few dozen coloured shapes, different for each seed.</summary>
    public static SKBitmap Scene(int seed, int width = 512, int height = 512)
    {
        var random = new Random(seed);
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bitmap);
        using var background = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [RandomColor(random), RandomColor(random)], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, 0, width, height, background);
        for (var i = 0; i < 40; i++)
        {
            using var paint = new SKPaint { Color = RandomColor(random), IsAntialias = true };
            float x = random.Next(width), y = random.Next(height), size = random.Next(width / 20, width / 4);
            if (i % 2 == 0)
            {
                canvas.DrawCircle(x, y, size / 2, paint);
            }
            else
            {
                canvas.DrawRect(x, y, size, size * 0.6f, paint);
            }
        }

        return bitmap;
    }

    /// <summary>Dark text on a light background, one line per entry.</summary>
    public static SKBitmap Text(params string[] lines)
    {
        using var typeface = SKTypeface.FromFile(FontFile) ?? throw new InvalidOperationException($"the tests need {FontFile} (Debian package fonts-dejavu-core)");
        using var font = new SKFont(typeface, 40);
        var width = (int)lines.Max(l => font.MeasureText(l)) + 80;
        var bitmap = new SKBitmap(width, (lines.Length * 64) + 40, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(new SKColor(250, 248, 240));
        using var ink = new SKPaint { Color = new SKColor(20, 20, 30), IsAntialias = true };
        for (var i = 0; i < lines.Length; i++)
        {
            canvas.DrawText(lines[i], 40, 64 + (i * 64), SKTextAlign.Left, font, ink);
        }

        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format = SKEncodedImageFormat.Png, int quality = 100)
    {
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    public static SKBitmap Resize(SKBitmap bitmap, int width, int height) =>
        bitmap.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));

    public static SKBitmap Crop(SKBitmap bitmap, float fraction)
    {
        int dx = (int)(bitmap.Width * fraction), dy = (int)(bitmap.Height * fraction);
        var result = new SKBitmap(bitmap.Width - (2 * dx), bitmap.Height - (2 * dy), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(result);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, -dx, -dy, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }

    /// <summary>Turned a quarter clockwise.</summary>
    public static SKBitmap RotateClockwise(SKBitmap bitmap)
    {
        var result = new SKBitmap(bitmap.Height, bitmap.Width, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(result);
        canvas.Translate(bitmap.Height, 0);
        canvas.RotateDegrees(90);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return result;
    }

    public static SKBitmap Brighten(SKBitmap bitmap, int amount)
    {
        var result = new SKBitmap(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(result);
        using var paint = new SKPaint
        {
            ColorFilter = SKColorFilter.CreateColorMatrix([1, 0, 0, 0, amount / 255f, 0, 1, 0, 0, amount / 255f, 0, 0, 1, 0, amount / 255f, 0, 0, 0, 1, 0]),
        };
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), paint);
        return result;
    }

    /// <summary>Smooth, noisy, warm-toned gradients: nearer a photograph's statistics than flat shapes.</summary>
    public static SKBitmap PhotoLike(int seed, int width, int height)
    {
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bitmap);
        using var paint = new SKPaint
        {
            Shader = SKShader.CreateCompose(
                SKShader.CreateRadialGradient(new SKPoint(width * 0.4f, height * 0.45f), Math.Max(width, height) * 0.6f, [new SKColor(236, 188, 160), new SKColor(120, 70, 50), new SKColor(30, 25, 40)], SKShaderTileMode.Clamp),
                SKShader.CreatePerlinNoiseFractalNoise(0.02f, 0.02f, 4, seed),
                SKBlendMode.Overlay),
        };
        canvas.DrawRect(0, 0, width, height, paint);
        return bitmap;
    }

    /// <summary>Black outlines and flat fills on white, as a cartoon.</summary>
    public static SKBitmap Drawing(int seed)
    {
        var random = new Random(seed);
        var bitmap = new SKBitmap(400, 400, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var fill = new SKPaint { IsAntialias = true, Color = new SKColor(250, 210, 80) };
        using var line = new SKPaint { IsAntialias = true, Color = SKColors.Black, Style = SKPaintStyle.Stroke, StrokeWidth = 6 };
        canvas.DrawCircle(200, 180, 120, fill);
        canvas.DrawCircle(200, 180, 120, line);
        canvas.DrawCircle(160, 150, 14, line);
        canvas.DrawCircle(240, 150, 14, line);
        canvas.DrawArc(new SKRect(130, 170, 270, 260), 20, 140, false, line);
        for (var i = 0; i < 6; i++)
        {
            canvas.DrawLine(random.Next(400), 330 + random.Next(60), random.Next(400), 330 + random.Next(60), line);
        }

        return bitmap;
    }

    private static SKColor RandomColor(Random random) => new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
}
