namespace Warden.Abstractions.Queues;

[GenerateSerializer, Alias("warden.queues.consensus-rule")]
public enum ConsensusRule
{
    Unanimous = 0,
    Majority = 1,
    KOfN = 2,
}
