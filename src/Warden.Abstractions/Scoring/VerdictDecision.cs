namespace Warden.Abstractions.Scoring;

[GenerateSerializer, Alias("warden.scoring.decision")]
public enum VerdictDecision
{
    Allow = 0,
    Review = 1,
    Block = 2,
}
