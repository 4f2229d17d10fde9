namespace Warden.Abstractions.Access;

/// <summary>An account with its password hash (ASP.NET Core's PBKDF2 format): kept inside the registry grain.</summary>
[GenerateSerializer, Alias("warden.access.stored-account")]
public sealed record StoredAccount([property: Id(0)] AccountInfo Info, [property: Id(1)] string PasswordHash);
