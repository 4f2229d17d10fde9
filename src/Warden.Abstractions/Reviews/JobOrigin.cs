namespace Warden.Abstractions.Reviews;

/// <summary>Which part of Warden opened a review job, for the hooks that act on its final decision.</summary>
[GenerateSerializer, Alias("warden.reviews.job-origin")]
public enum JobOrigin
{
    /// <summary>A client service (user reports, a partner's request): nothing in Warden waits for the outcome.</summary>
    External = 0,

    /// <summary>The scoring cascade: uncertain, degraded or audited content.</summary>
    Scoring = 1,

    /// <summary>A severe automated label on a trusted entity, held until a human confirms it.</summary>
    HeldLabel = 2,

    /// <summary>An appeal: its decision upholds or overturns the contested label.</summary>
    Appeal = 3,
}
