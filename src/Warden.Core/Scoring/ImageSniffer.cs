namespace Warden.Core.Scoring;

/// <summary>
/// The media type of image bytes from their signature, never from a name or a client's claim: intake
/// refuses what is not one of these, and the review page serves stored bytes with this type only.
/// </summary>
public static class ImageSniffer
{
    /// <summary><c>image/png</c>, <c>image/jpeg</c>, <c>image/gif</c>, <c>image/bmp</c>, <c>image/webp</c>, or null.</summary>
    public static string? MediaType(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : bytes.StartsWith("GIF8"u8) ? "image/gif"
        : bytes.StartsWith("BM"u8) ? "image/bmp"
        : bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;
}
