using Warden.Abstractions.Scoring;

namespace Warden.Grains.Scoring;

/// <summary>Submitted content and its verdicts (<c>content_items</c>, <c>content_images</c>).</summary>
public interface IContentStore
{
    /// <summary>Stores a new submission; false when the entity already has one under that idempotency key.</summary>
    Task<bool> InsertAsync(ContentRecord record);

    /// <summary>Records the submission's new status, verdict and review job.</summary>
    Task UpdateAsync(ContentRecord record);

    Task<ContentRecord?> GetAsync(string entity, string idempotencyKey);

    /// <summary>The entity's latest submission with its images' names but not their bytes (for the review page).</summary>
    Task<(ContentRecord Record, IReadOnlyList<string?> ImageNames)?> LatestAsync(string entity);

    /// <summary>One stored image's bytes, as uploaded; null when there is none at that position.</summary>
    Task<byte[]?> ImageAsync(string entity, string idempotencyKey, int ordinal);

    /// <summary>
    /// Submissions still without a (final) verdict — received, or scoring their images — last touched before <paramref name="before"/>, oldest first; one
    /// that failed n times waits (2^n - 1) × <paramref name="backoff"/> longer (at most 63 ×).
    /// </summary>
    Task<IReadOnlyList<(string Entity, string IdempotencyKey)>> PendingAsync(DateTimeOffset before, TimeSpan backoff, int limit);
}
