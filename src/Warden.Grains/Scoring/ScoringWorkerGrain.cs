using Warden.Abstractions.Scoring;

namespace Warden.Grains.Scoring;

/// <summary>
/// Runs the cascade on the silo it is called on; the engine (models, banks, rules) is the silo's, shared
/// by every activation. More activations than cores, because an item waiting on OCR or a model batch
/// must not hold up text items behind it.
/// </summary>
[StatelessWorker(32)]
public sealed class ScoringWorkerGrain(ScoringEngine engine) : Grain, IScoringWorkerGrain
{
    public Task<ContentVerdict> Score(ScoringRequest request) => engine.ScoreAsync(request);
}
