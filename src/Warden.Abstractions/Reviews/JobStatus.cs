namespace Warden.Abstractions.Reviews;

[GenerateSerializer, Alias("warden.reviews.job-status")]
public enum JobStatus
{
    /// <summary>Not opened yet: the grain has no job.</summary>
    None = 0,

    /// <summary>Waiting for (more) decisions in <see cref="ReviewJobDetails.Queue"/>.</summary>
    Open = 1,

    /// <summary>Consensus reached; labels and actions follow from the final decision.</summary>
    Decided = 2,
}
