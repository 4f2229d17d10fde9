namespace Warden.Abstractions.Appeals;

/// <summary>
/// An owner's appeal of the enforcement on their entity: what they say, and optionally which surface's
/// enforcement they contest (the most severe one across surfaces otherwise).
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.appeals.request")]
public sealed record AppealRequest
{
    [Id(0)] public required string Statement { get; init; }

    /// <summary>Who appeals: <c>user:42</c> through the facade, a service through the client.</summary>
    [Id(1)] public required string Appellant { get; init; }

    [Id(2)] public string? Surface { get; init; }
}
