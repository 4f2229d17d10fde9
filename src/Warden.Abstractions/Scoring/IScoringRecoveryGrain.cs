namespace Warden.Abstractions.Scoring;

/// <summary>
/// Re-drives submissions that were stored but never got a verdict (a silo died mid-way, a model was
/// down): a reminder calls it every minute; <see cref="RunOnce"/> does one pass now (key <c>default</c>).
/// </summary>
[Alias("warden.scoring.recovery")]
public interface IScoringRecoveryGrain : IGrainWithStringKey
{
    const string DefaultKey = "default";

    /// <summary>Registers the reminder (idempotent); the silo calls it at start.</summary>
    [Alias("start")]
    Task Start();

    /// <summary>Re-scores what is pending now; returns how many submissions it re-drove.</summary>
    [Alias("run-once")]
    Task<int> RunOnce();
}
