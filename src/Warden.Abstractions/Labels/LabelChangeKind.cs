namespace Warden.Abstractions.Labels;

/// <summary>What happened to a label; each is one row of the entity's history.</summary>
[GenerateSerializer, Alias("warden.labels.change-kind")]
public enum LabelChangeKind
{
    Added = 0,
    Replaced = 1,
    Removed = 2,
    Held = 3,
    Released = 4,
    HoldRejected = 5,
    Expired = 6,
}
