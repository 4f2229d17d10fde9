using Warden.Core.Scoring;
using Warden.Scoring.Fusion;

namespace Warden.Grains.Scoring;

/// <summary>The scoring cascade's settings (<c>Warden:Scoring</c>); see the README's Scoring section.</summary>
public sealed class ScoringOptions
{
    public const string SectionName = "Warden:Scoring";

    /// <summary>The npm assets folder (word lists, OCR models); found above the program in a checkout when unset.</summary>
    public string? Assets { get; set; }

    /// <summary><c>cpu</c> (this build) or <c>cuda</c> (with the GPU runtime package; README).</summary>
    public string ExecutionProvider { get; set; } = "cpu";

    public int IntraOpThreads { get; set; } = 2;

    /// <summary>The text model served until an operator assigns one with <c>warden models set</c>.</summary>
    public string? TextModel { get; set; }

    public string? ShadowTextModel { get; set; }

    public bool Ocr { get; set; } = true;

    /// <summary>How long a model may take for one item before its categories fall back.</summary>
    public TimeSpan ModelDeadline { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Texts scored in one model run when requests arrive together.</summary>
    public int MaxBatch { get; set; } = 64;

    /// <summary>Per policy category: thresholds, enforcements, fallback, trust weight, audit sample.</summary>
    public Dictionary<string, CategoryPolicy> Categories { get; set; } = new()
    {
        ["spam"] = new CategoryPolicy { ModelRequired = true, Fallback = FailMode.Review },
    };

    public SubmissionLimits Limits { get; set; } = new();

    /// <summary>Pixels this silo decodes at once across all images (4 bytes each while decoding); an image waits for room.</summary>
    public long DecodingMegapixels { get; set; } = 64;

    /// <summary>What an image is decoded down to where its format allows (JPEG, WebP): PDQ and OCR need no more.</summary>
    public long DecodeTargetPixels { get; set; } = 2_000_000;

    /// <summary>A submission still without a verdict this long after its last attempt is re-driven.</summary>
    public TimeSpan RecoverAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Scoring attempts a submission gets (the recovery pass waits RecoverAfter, doubling after each failure) before it is marked failed.</summary>
    public int MaxScoringAttempts { get; set; } = 5;

    /// <summary>How often the recovery reminder looks for such submissions (reminders below a minute need <c>Warden:Reminders:MinimumReminderPeriod</c>).</summary>
    public TimeSpan RecoveryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    public CategoryPolicy PolicyFor(string category) => Categories.TryGetValue(category, out var policy) ? policy : DefaultPolicy;

    private static readonly CategoryPolicy DefaultPolicy = new();

    /// <summary>Every problem with the settings, for start-up.</summary>
    public IEnumerable<string> Problems()
    {
        if (MaxBatch <= 0)
        {
            yield return $"{SectionName}:MaxBatch must be positive";
        }

        if (IntraOpThreads <= 0)
        {
            yield return $"{SectionName}:IntraOpThreads must be positive";
        }

        if (ModelDeadline <= TimeSpan.Zero)
        {
            yield return $"{SectionName}:ModelDeadline must be positive";
        }

        if (RecoveryPeriod < TimeSpan.FromSeconds(1))
        {
            yield return $"{SectionName}:RecoveryPeriod must be at least a second";
        }
    }
}
