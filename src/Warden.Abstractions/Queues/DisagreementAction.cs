namespace Warden.Abstractions.Queues;

[GenerateSerializer, Alias("warden.queues.disagreement-action")]
public enum DisagreementAction
{
    /// <summary>Move the job to <see cref="MultiReviewConfig.DisagreementQueue"/>.</summary>
    Escalate = 0,

    /// <summary>Ask one more reviewer, up to <see cref="MultiReviewConfig.MaxReviewers"/>.</summary>
    AddReviewer = 1,
}
