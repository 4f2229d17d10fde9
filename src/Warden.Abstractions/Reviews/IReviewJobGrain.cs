using Warden.Abstractions.Queues;

namespace Warden.Abstractions.Reviews;

/// <summary>
/// One review job, keyed by an id derived from its enqueue key: the objects under review, the reports
/// and scores behind it, every decision, its history, and the labels and actions of its final decision.
/// Queues drive it; readers ask it for details.
/// </summary>
[Alias("warden.reviews.job")]
public interface IReviewJobGrain : IGrainWithStringKey
{
    /// <summary>Opens the job in <paramref name="queue"/> unless it exists; either way, where it is now.</summary>
    [Alias("open")]
    Task<EnqueueResult> Open(string queue, EnqueueRequest request);

    /// <summary>Opens a golden copy: decided like any job, then scored against <paramref name="expected"/> with no labels, log rows or actions.</summary>
    [Alias("open-golden")]
    Task<EnqueueResult> OpenGolden(string queue, EnqueueRequest request, IReadOnlyList<ObjectAction> expected);

    /// <summary>Checks the decision against <paramref name="config"/>, keeps it, and settles consensus.</summary>
    [Alias("record-decision")]
    Task<JobStepResult> RecordDecision(ReviewDecision decision, QueueConfig config);

    /// <summary>Notes that a queue moved the job to <paramref name="queue"/>.</summary>
    [Alias("moved")]
    Task Moved(string queue, string kind, string actor, string reason);

    /// <summary>Notes an SLA breach in the job's history.</summary>
    [Alias("note")]
    Task Note(string kind, string actor, string detail);

    /// <summary>Writes the final decision's labels, logs it and dispatches its actions; safe to repeat.</summary>
    [Alias("apply-effects")]
    Task ApplyEffects();

    /// <summary>Tries a dead-lettered action again from the first attempt.</summary>
    [Alias("retry-action")]
    Task<bool> RetryAction(string idempotencyKey);

    [Alias("get-details")]
    Task<ReviewJobDetails> GetDetails();

    /// <summary>The details with each object's enforcement explained per surface and its label history (for appeals).</summary>
    [Alias("get-explained-details")]
    Task<ReviewJobDetails> GetExplainedDetails();
}
