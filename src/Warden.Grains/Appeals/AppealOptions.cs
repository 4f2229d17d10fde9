namespace Warden.Grains.Appeals;

/// <summary><c>Warden:Appeals</c>: the queue appeals open jobs in (configured like any other queue).</summary>
public sealed class AppealOptions
{
    public const string SectionName = "Warden:Appeals";

    public string Queue { get; set; } = "appeals";
}
