namespace Warden.Abstractions.Scoring;

/// <summary>Where a submission is: stored and waiting for a verdict, scored, then labelled (and queued for humans).</summary>
[GenerateSerializer, Alias("warden.scoring.content-status")]
public enum ContentStatus
{
    Received = 0,
    Scored = 1,
    Labelled = 2,
    Queued = 3,

    /// <summary>Scoring failed on every attempt the recovery pass makes; kept with the reason until an operator re-drives it.</summary>
    Failed = 4,

    /// <summary>
    /// The text is scored and labelled and the item is held (<c>Warden:Scoring:ImagesAfterText</c>); its images are
    /// being scored off the request path, after which it is labelled or queued like any other.
    /// </summary>
    ScoringImages = 5,
}
