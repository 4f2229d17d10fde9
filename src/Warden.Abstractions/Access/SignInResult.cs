namespace Warden.Abstractions.Access;

/// <summary>A session for a signed-in person: the token (shown once, stored hashed) and when it ends.</summary>
[GenerateSerializer, Immutable, Alias("warden.access.sign-in")]
public sealed record SignInResult(
    [property: Id(0)] string Token,
    [property: Id(1)] AccountInfo Account,
    [property: Id(2)] DateTimeOffset ExpiresAt);
