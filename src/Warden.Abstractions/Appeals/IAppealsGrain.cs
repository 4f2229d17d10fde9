using Warden.Abstractions.Queues;

namespace Warden.Abstractions.Appeals;

/// <summary>
/// The appeals of one entity, keyed by its entity key: files an appeal into the appeals queue and applies
/// the reviewer's outcome (uphold or overturn) when the appeal job is decided.
/// </summary>
[Alias("warden.appeals.grain")]
public interface IAppealsGrain : IGrainWithStringKey
{
    /// <summary>Files an appeal of the entity's current enforcement; refused with every reason otherwise.</summary>
    [Alias("file")]
    Task<AppealResult> File(AppealRequest request);

    [Alias("list"), ReadOnly]
    Task<IReadOnlyList<AppealRecord>> List();

    /// <summary>The appeal job <paramref name="jobId"/> reached its final decision; safe to repeat.</summary>
    [Alias("decided")]
    Task Decided(string jobId, ReviewDecision final);
}
