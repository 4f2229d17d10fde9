using Warden.Abstractions.Validation;

namespace Warden.Core.Access;

/// <summary>
/// Refuses passwords an attacker tries first: ones on a list of common passwords (also with digits or
/// punctuation around them, "Password1234!"), a short pattern repeated ("abcabcabcabc"), and ones containing
/// the username. Length alone (<see cref="AccountRules.MinPasswordLength"/>) lets "password1234" through.
/// </summary>
public sealed class PasswordPolicy
{
    /// <summary>Shorter cores than this are not matched inside a longer password ("abc" is on the lists).</summary>
    private const int MinCommonCore = 4;

    private const int MinDistinctCharacters = 5;

    /// <summary>Usernames shorter than this may appear in a password ("al" is in too many words).</summary>
    private const int MinUsernameInPassword = 3;

    private readonly HashSet<string> _common;

    public PasswordPolicy(IEnumerable<string> commonPasswords) =>
        _common = new HashSet<string>(commonPasswords.Select(p => p.Trim().ToLowerInvariant()).Where(p => p.Length > 0), StringComparer.Ordinal);

    /// <summary>How many common passwords this policy refuses; 0 when the list was not installed.</summary>
    public int CommonCount => _common.Count;

    public IEnumerable<FieldError> Check(string? password, string? username)
    {
        var lengthErrors = AccountRules.CheckPassword(password).ToList();
        if (lengthErrors.Count > 0)
        {
            return lengthErrors;
        }

        var lower = password!.ToLowerInvariant();
        if (username is { Length: >= MinUsernameInPassword } && lower.Contains(username.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return [new FieldError("Password", "must not contain the username")];
        }

        if (IsCommon(lower))
        {
            return [new FieldError("Password", "is one of the commonest passwords (or one with digits or symbols added): choose a passphrase of unrelated words")];
        }

        return lower.Distinct().Count() < MinDistinctCharacters || IsRepeated(lower)
            ? [new FieldError("Password", "repeats a short pattern: choose a passphrase of unrelated words")]
            : [];
    }

    private bool IsCommon(string lower)
    {
        if (_common.Contains(lower))
        {
            return true;
        }

        // Digits and punctuation added before or after a common word are the first variations guessed.
        var core = lower.Trim("0123456789!@#$%^&*()-_=+.,;:?'\"~`[]{}<>/\\| ".ToCharArray());
        return core.Length >= MinCommonCore && _common.Contains(core);
    }

    /// <summary>The password is one unit written twice or more ("qwertyqwerty", "abcabcabcabc").</summary>
    private static bool IsRepeated(string lower)
    {
        for (var unit = 1; unit <= lower.Length / 2; unit++)
        {
            if (lower.Length % unit == 0 && lower.AsSpan(unit).SequenceEqual(lower.AsSpan(0, lower.Length - unit)))
            {
                return true;
            }
        }

        return false;
    }
}
