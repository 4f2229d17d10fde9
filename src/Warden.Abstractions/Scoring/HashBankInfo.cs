namespace Warden.Abstractions.Scoring;

/// <summary>A named bank of known-bad image hashes: what a match means and how many hashes it holds.</summary>
[GenerateSerializer, Immutable, Alias("warden.scoring.hash-bank")]
public sealed record HashBankInfo
{
    [Id(0)] public required string Name { get; init; }

    /// <summary>The catalog policy a match is evidence for.</summary>
    [Id(1)] public required string Policy { get; init; }

    /// <summary>The enforcement a match applies (a known-bad image needs no model to agree).</summary>
    [Id(2)] public required string Enforcement { get; init; }

    /// <summary>The largest PDQ Hamming distance that still matches (of 256 bits).</summary>
    [Id(3)] public int Threshold { get; init; } = 31;

    [Id(4)] public int Version { get; init; }

    [Id(5)] public int PdqCount { get; init; }

    [Id(6)] public int Sha256Count { get; init; }

    [Id(7)] public DateTimeOffset ChangedAt { get; init; }

    [Id(8)] public string? ChangedBy { get; init; }

    /// <summary>Also match the 8 rotations and flips of a submitted image (PDQ's dihedral hashes), for banks of content that is reposted turned.</summary>
    [Id(9)] public bool MatchRotationsAndFlips { get; init; }
}
