namespace Warden.Abstractions.Scoring;

[GenerateSerializer, Alias("warden.scoring.hash-kind")]
public enum HashKind
{
    Pdq = 0,
    Sha256 = 1,
}
