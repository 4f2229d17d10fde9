namespace Warden.Core.Scoring;

/// <summary>What one submission may carry (<c>Warden:Scoring:Limits</c>).</summary>
public sealed class SubmissionLimits
{
    public int MaxTextLength { get; set; } = 100_000;

    public int MaxImages { get; set; } = 8;

    public int MaxImageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Pixels one image may declare: its header is read before any decoding, so a tiny file that claims a huge image is refused.</summary>
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>Pixels all images of one submission may declare together.</summary>
    public long MaxSubmissionPixels { get; set; } = 120_000_000;
}
