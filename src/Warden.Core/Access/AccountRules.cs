using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Warden.Abstractions.Access;
using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Core.Access;

/// <summary>Account checks, password hashing (ASP.NET Core's PasswordHasher: PBKDF2, salted, versioned) and session tokens.</summary>
public static partial class AccountRules
{
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 256;
    public const string SessionPrefix = "wds_";

    /// <summary>Live sessions one account may hold; signing in again ends the oldest.</summary>
    public const int MaxSessionsPerAccount = 20;

    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    private static readonly PasswordHasher<AccountInfo> Hasher = new();

    public static IReadOnlyList<FieldError> Validate(string? username, string? password, IReadOnlyList<string>? roles, IReadOnlyList<string>? groups)
    {
        var errors = new List<FieldError>();
        if (username is null || !UsernamePattern().IsMatch(username))
        {
            errors.Add(new FieldError("Username", "must be 2 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }

        if (password is not null)
        {
            errors.AddRange(CheckPassword(password));
        }

        errors.AddRange(CheckAccess(roles, groups));
        return errors;
    }

    public static IEnumerable<FieldError> CheckPassword(string? password)
    {
        if (password is null || password.Length < MinPasswordLength || password.Length > MaxPasswordLength)
        {
            yield return new FieldError("Password", $"must be {MinPasswordLength} to {MaxPasswordLength} characters");
        }
    }

    public static IEnumerable<FieldError> CheckAccess(IReadOnlyList<string>? roles, IReadOnlyList<string>? groups)
    {
        if (roles is null || roles.Count == 0 || roles.Any(r => !AccountRoles.All.Contains(r)))
        {
            yield return new FieldError("Roles", $"name one or more of {string.Join(", ", AccountRoles.All)}");
        }

        foreach (var group in groups ?? [])
        {
            if (!TextRules.IsName(group))
            {
                yield return new FieldError("Groups", $"'{group}' is not a group name (lower-case letters, digits, '-', '_')");
            }
        }
    }

    public static string HashPassword(string password) => Hasher.HashPassword(null!, password);

    public static bool VerifyPassword(string hash, string password) =>
        Hasher.VerifyHashedPassword(null!, hash, password) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;

    public static string NewSessionToken() => SessionPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Sessions are stored by this hash, never by the token.</summary>
    public static string SessionKey(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,63}$")]
    private static partial Regex UsernamePattern();
}
