namespace Warden.Core.Scoring;

/// <summary>What one submission may carry (<c>Warden:Scoring:Limits</c>).</summary>
public sealed class SubmissionLimits
{
    public int MaxTextLength { get; set; } = 100_000;

    public int MaxImages { get; set; } = 8;

    public int MaxImageBytes { get; set; } = 10 * 1024 * 1024;
}
