using System.Security.Cryptography;
using System.Text;

namespace Warden.Core.Access;

/// <summary>
/// API keys look like <c>wdn_&lt;id&gt;_&lt;secret&gt;</c>: a 12-hex-digit id to find the key and 256 random bits
/// of secret. Only SHA-256 of the secret is stored: with that much entropy a slow password hash adds
/// nothing, and the check stays cheap on every request.
/// </summary>
public static class ApiKeySecrets
{
    private const string Prefix = "wdn_";

    public static (string Id, string Key, string SecretHash) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id}_{secret}", Hash(secret));
    }

    /// <summary>The id and secret of a presented key, or null when it is not shaped like one.</summary>
    public static (string Id, string Secret)? Parse(string? presented)
    {
        if (presented is null || !presented.StartsWith(Prefix, StringComparison.Ordinal) || presented.Length > 128)
        {
            return null;
        }

        var rest = presented[Prefix.Length..];
        var split = rest.IndexOf('_', StringComparison.Ordinal);
        return split == 12 && rest.Length > 13 ? (rest[..12], rest[13..]) : null;
    }

    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
