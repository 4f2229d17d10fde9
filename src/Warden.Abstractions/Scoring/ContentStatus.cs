namespace Warden.Abstractions.Scoring;

/// <summary>Where a submission is: stored and waiting for a verdict, scored, then labelled (and queued for humans).</summary>
[GenerateSerializer, Alias("warden.scoring.content-status")]
public enum ContentStatus
{
    Received = 0,
    Scored = 1,
    Labelled = 2,
    Queued = 3,
}
