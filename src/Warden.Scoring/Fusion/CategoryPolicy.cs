namespace Warden.Scoring.Fusion;

/// <summary>
/// How one policy category turns evidence into a verdict (<c>Warden:Scoring:Categories:{name}</c>).
/// Unset thresholds come from the model's own metadata, else 0.5 and 0.9.
/// </summary>
public sealed class CategoryPolicy
{
    public double? ReviewAt { get; set; }

    /// <summary>The category is scored by the text model: no model score (missing, failed, late) means the fallback applies.</summary>
    public bool ModelRequired { get; set; }

    public double? BlockAt { get; set; }

    public string BlockEnforcement { get; set; } = "block";

    public string ReviewEnforcement { get; set; } = "hide_from_recommendations";

    public FailMode Fallback { get; set; } = FailMode.Open;

    /// <summary>How far a fully trusted (1) or distrusted (0) author moves the score: score − weight × (trust − 0.5).</summary>
    public double TrustWeight { get; set; } = 0.2;

    /// <summary>Share of confident verdicts also sent to humans for quality audit, 0 to 1.</summary>
    public double AuditSampleRate { get; set; }
}
