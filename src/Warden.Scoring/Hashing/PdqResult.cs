namespace Warden.Scoring.Hashing;

/// <summary>A PDQ hash and its quality (0–100): hashes under 50 come from flat images and are not trusted.</summary>
public readonly record struct PdqResult(Hash256 Hash, int Quality)
{
    public const int TrustedQuality = 50;

    public bool IsTrusted => Quality >= TrustedQuality;

    /// <summary>When asked for: the hashes of the 8 rotations and flips, in <see cref="PdqDihedral.Names"/> order.</summary>
    public Hash256[]? Dihedral { get; init; }
}
