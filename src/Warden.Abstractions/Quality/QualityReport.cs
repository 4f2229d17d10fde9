namespace Warden.Abstractions.Quality;

/// <summary>A queue's reviewer quality: each reviewer's figures and the queue's golden accuracy overall.</summary>
[GenerateSerializer, Immutable, Alias("warden.quality.report")]
public sealed record QualityReport(
    [property: Id(0)] string Queue,
    [property: Id(1)] List<ReviewerQuality> Reviewers,
    [property: Id(2)] int GoldenJobs,
    [property: Id(3)] int GoldenCorrect)
{
    public double? GoldenAccuracy => GoldenJobs == 0 ? null : (double)GoldenCorrect / GoldenJobs;
}
