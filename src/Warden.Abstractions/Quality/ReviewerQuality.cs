namespace Warden.Abstractions.Quality;

/// <summary>One reviewer in one queue: agreement with the final consensus of multi-review jobs, and golden-job accuracy.</summary>
[GenerateSerializer, Immutable, Alias("warden.quality.reviewer")]
public sealed record ReviewerQuality(
    [property: Id(0)] string Reviewer,
    [property: Id(1)] int ConsensusJobs,
    [property: Id(2)] int AgreedWithConsensus,
    [property: Id(3)] int GoldenJobs,
    [property: Id(4)] int GoldenCorrect)
{
    public double? Agreement => ConsensusJobs == 0 ? null : (double)AgreedWithConsensus / ConsensusJobs;

    public double? GoldenAccuracy => GoldenJobs == 0 ? null : (double)GoldenCorrect / GoldenJobs;
}
