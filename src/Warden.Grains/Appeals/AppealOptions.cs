namespace Warden.Grains.Appeals;

/// <summary><c>Warden:Appeals</c>: the queue appeals open jobs in (configured like any other queue).</summary>
public sealed class AppealOptions
{
    public const string SectionName = "Warden:Appeals";

    public string Queue { get; set; } = "appeals";

    /// <summary>Every problem with the settings, for start-up.</summary>
    public IEnumerable<string> Problems()
    {
        if (!Warden.Core.Validation.TextRules.IsName(Queue))
        {
            yield return $"{SectionName}:Queue must be a queue id";
        }
    }
}
