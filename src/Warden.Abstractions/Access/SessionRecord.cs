namespace Warden.Abstractions.Access;

[GenerateSerializer, Immutable, Alias("warden.access.session-record")]
public sealed record SessionRecord(
    [property: Id(0)] string Username,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] DateTimeOffset ExpiresAt);
