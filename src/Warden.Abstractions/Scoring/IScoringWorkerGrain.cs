namespace Warden.Abstractions.Scoring;

/// <summary>Runs the cascade (hashes and rules, models and OCR, fusion). A stateless worker: any silo, many at once.</summary>
[Alias("warden.scoring.worker")]
public interface IScoringWorkerGrain : IGrainWithIntegerKey
{
    [Alias("score")]
    Task<ContentVerdict> Score(ScoringRequest request);
}
