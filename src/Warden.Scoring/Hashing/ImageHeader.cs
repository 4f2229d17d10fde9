using SkiaSharp;

namespace Warden.Scoring.Hashing;

/// <summary>
/// An image's declared size, read from its header without decoding a pixel: how a 69-byte PNG that claims
/// 20000×20000 is refused before it costs 1.6 GB.
/// </summary>
public static class ImageHeader
{
    /// <summary>Width and height as the header declares them, or null when no decoder recognises the bytes.</summary>
    public static (int Width, int Height)? Dimensions(ReadOnlySpan<byte> encoded)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        return codec is null ? null : (codec.Info.Width, codec.Info.Height);
    }

    public static long Pixels((int Width, int Height) size) => (long)size.Width * size.Height;
}
