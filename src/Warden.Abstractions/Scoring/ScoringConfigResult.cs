using Warden.Abstractions.Validation;

namespace Warden.Abstractions.Scoring;

/// <summary>The answer to a rule-set or bank change: the new version, or every bad field named.</summary>
[GenerateSerializer, Immutable, Alias("warden.scoring.config-result")]
public sealed record ScoringConfigResult(
    [property: Id(0)] bool Saved,
    [property: Id(1)] int Version,
    [property: Id(2)] List<FieldError> Errors);
