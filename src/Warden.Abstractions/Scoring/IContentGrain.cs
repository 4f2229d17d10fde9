namespace Warden.Abstractions.Scoring;

/// <summary>
/// One submission of content for an entity, keyed by <see cref="ContentKey"/> (entity and idempotency key):
/// intake, scoring, automated labels (written through the entity's grain) and routing to review. Stored
/// before it is scored, so a crash delays a submission but never loses it.
/// </summary>
[Alias("warden.scoring.content")]
public interface IContentGrain : IGrainWithStringKey
{
    /// <summary>Validates, stores and scores the submission; the same key again returns the stored one.</summary>
    [Alias("submit")]
    Task<SubmitResult> Submit(ContentSubmission submission);

    /// <summary>The stored submission with its status and verdict, or null.</summary>
    [Alias("get")]
    Task<ContentRecord?> Get();

    /// <summary>Scores a stored submission that has no verdict yet (the recovery pass's call); no-op otherwise.</summary>
    [Alias("rescore")]
    Task<ContentRecord?> Rescore();

    /// <summary>Scores the images of a submission whose text was scored first, and settles it; no-op otherwise.</summary>
    [Alias("complete-images"), Orleans.Concurrency.OneWay]
    Task CompleteImages();

    /// <summary>An operator's second chance for a submission marked failed: its attempts start again; no-op otherwise.</summary>
    [Alias("redrive")]
    Task<ContentRecord?> Redrive();
}
