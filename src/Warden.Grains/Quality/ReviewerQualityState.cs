using Warden.Abstractions.Quality;

namespace Warden.Grains.Quality;

[GenerateSerializer, Alias("warden.quality.state")]
public sealed class ReviewerQualityState
{
    [Id(0)] public List<GoldenJob> Golden { get; set; } = [];

    /// <summary>Scored golden copies by job id: the reviewer and whether they were right.</summary>
    [Id(1)] public Dictionary<string, (string Reviewer, bool Correct)> Scored { get; set; } = [];
}
