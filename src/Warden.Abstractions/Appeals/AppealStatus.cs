namespace Warden.Abstractions.Appeals;

[GenerateSerializer, Alias("warden.appeals.status")]
public enum AppealStatus
{
    /// <summary>Waiting in the appeals queue.</summary>
    Open = 0,

    /// <summary>The enforcement stands.</summary>
    Upheld = 1,

    /// <summary>The enforcement was lifted by a human label that outranks the contested one on every surface.</summary>
    Overturned = 2,
}
