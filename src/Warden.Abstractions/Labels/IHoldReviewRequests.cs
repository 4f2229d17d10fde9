namespace Warden.Abstractions.Labels;

/// <summary>
/// Where a held label asks for a human: the review-queue work implements this with a real job; until
/// then the silo records each request (hold_review_requests) for the queue to pick up.
/// </summary>
public interface IHoldReviewRequests
{
    /// <summary>Requests review of the held labels, and closes requests whose holds were decided.</summary>
    Task RecordAsync(IReadOnlyList<LabelChange> changes);
}
