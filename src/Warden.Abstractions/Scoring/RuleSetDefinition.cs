namespace Warden.Abstractions.Scoring;

/// <summary>
/// A versioned set of keyword and pattern rules for one policy. Keywords and patterns match text after
/// normalisation (see the README), so <c>h4te</c> and <c>ｈａｔｅ</c> hit the keyword <c>hate</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.scoring.rule-set")]
public sealed record RuleSetDefinition
{
    [Id(0)] public required string Name { get; init; }

    /// <summary>The catalog policy a hit is evidence for, e.g. <c>hate</c>.</summary>
    [Id(1)] public required string Policy { get; init; }

    /// <summary>How strongly one hit counts towards the policy's score, 0 to 1.</summary>
    [Id(2)] public double Weight { get; init; } = 0.6;

    /// <summary>Words and phrases, matched as whole words.</summary>
    [Id(3)] public List<string> Keywords { get; init; } = [];

    /// <summary>Regular expressions over the normalised text, run without backtracking.</summary>
    [Id(4)] public List<string> Patterns { get; init; } = [];

    /// <summary>Shipped word lists to include, e.g. <c>naughty-words/en</c>.</summary>
    [Id(5)] public List<string> WordLists { get; init; } = [];

    [Id(6)] public int Version { get; init; }

    [Id(7)] public DateTimeOffset ChangedAt { get; init; }

    [Id(8)] public string? ChangedBy { get; init; }
}
