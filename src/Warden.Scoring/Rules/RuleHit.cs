namespace Warden.Scoring.Rules;

/// <summary>One rule that matched: which set, the policy it is evidence for, and the word or pattern that hit.</summary>
public sealed record RuleHit(string RuleSet, string Policy, double Weight, RuleHitKind Kind, string Term);

public enum RuleHitKind
{
    Keyword,
    Pattern,
}
