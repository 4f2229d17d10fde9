namespace Warden.Abstractions.Scoring;

/// <summary>One hash in a bank: a PDQ hash (64 hex digits) or the SHA-256 of the image bytes, with its label.</summary>
[GenerateSerializer, Immutable, Alias("warden.scoring.hash-bank-entry")]
public sealed record HashBankEntry(
    [property: Id(0)] HashKind Kind,
    [property: Id(1)] string Hash,
    [property: Id(2)] string? Label = null);
