namespace Warden.Abstractions.Access;

/// <summary>A person's account as others may see it: no password hash.</summary>
[GenerateSerializer, Immutable, Alias("warden.access.account")]
public sealed record AccountInfo
{
    [Id(0)] public required string Username { get; init; }

    [Id(1)] public required List<string> Roles { get; init; }

    /// <summary>Queue access: a queue lists the groups that may work it.</summary>
    [Id(2)] public required List<string> Groups { get; init; }

    [Id(3)] public bool Disabled { get; init; }

    [Id(4)] public DateTimeOffset CreatedAt { get; init; }

    [Id(5)] public string? CreatedBy { get; init; }
}
