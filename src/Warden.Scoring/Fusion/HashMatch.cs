namespace Warden.Scoring.Fusion;

/// <summary>An image that matched a bank: exactly (SHA-256, distance 0) or perceptually (PDQ within the bank's threshold).</summary>
public sealed record HashMatch(string Bank, string Policy, string Enforcement, string Kind, int Distance, string? Label);
