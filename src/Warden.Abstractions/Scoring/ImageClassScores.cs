namespace Warden.Abstractions.Scoring;

/// <summary>The image model's class probabilities for one of a submission's images (by its position), shown to reviewers.</summary>
[GenerateSerializer, Immutable, Alias("warden.scoring.image-class-scores")]
public sealed record ImageClassScores
{
    [Id(0)] public required int Image { get; init; }

    [Id(1)] public required string Model { get; init; }

    /// <summary>Class name to probability, in the model's class order.</summary>
    [Id(2)] public required List<ClassProbability> Classes { get; init; }

    public double Of(string className) => Classes.FirstOrDefault(c => c.Class == className)?.Probability ?? 0;

    /// <summary>A category's score on this image: its classes' probabilities added up, each class once.</summary>
    public double Sum(IEnumerable<string> classNames) => Math.Min(1, classNames.Distinct(StringComparer.Ordinal).Sum(Of));
}
