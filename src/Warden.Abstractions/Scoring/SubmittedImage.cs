namespace Warden.Abstractions.Scoring;

/// <summary>An image's encoded bytes (PNG, JPEG, WebP, GIF or BMP), as uploaded.</summary>
[GenerateSerializer, Immutable, Alias("warden.scoring.image")]
public sealed record SubmittedImage([property: Id(0)] byte[] Bytes, [property: Id(1)] string? Name = null);
