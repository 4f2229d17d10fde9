namespace Warden.Abstractions.Scoring;

[GenerateSerializer, Immutable, Alias("warden.scoring.class-probability")]
public sealed record ClassProbability([property: Id(0)] string Class, [property: Id(1)] double Probability);
