using Warden.Abstractions.Strikes;

namespace Warden.Grains.Strikes;

[GenerateSerializer, Alias("warden.strikes.state")]
public sealed class StrikesState
{
    [Id(0)] public List<Strike> Strikes { get; set; } = [];

    /// <summary>Whether an expiry reminder is registered, so dropping it needs no lookup when there is none.</summary>
    [Id(1)] public bool ReminderSet { get; set; }
}
