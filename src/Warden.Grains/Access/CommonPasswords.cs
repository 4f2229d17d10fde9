using System.Text.Json;
using Microsoft.Extensions.Options;
using Warden.Core.Access;
using Warden.Grains.Scoring;
using Warden.Scoring;

namespace Warden.Grains.Access;

/// <summary>
/// Builds the silo's <see cref="PasswordPolicy"/> from zxcvbn-ts's list of about 49,000 common passwords
/// (npm <c>@zxcvbn-ts/language-common</c>, installed with the other assets). Without the assets the length,
/// username and repetition rules still apply, and the silo says so at start.
/// </summary>
public static partial class CommonPasswords
{
    public const string RelativePath = "@zxcvbn-ts/language-common/src/passwords.json";

    public static PasswordPolicy Load(IOptions<ScoringOptions> options, ILogger<PasswordPolicy> logger)
    {
        try
        {
            var path = Path.Combine(ScoringAssets.Locate(options.Value.Assets), RelativePath);
            using var file = File.OpenRead(path);
            return new PasswordPolicy(JsonSerializer.Deserialize<List<string>>(file) ?? []);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or JsonException)
        {
            LogNoList(logger, error.Message);
            return new PasswordPolicy([]);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No common-password list ({Reason}): new passwords are checked for length, the username and repetition only. Run deploy/assets/install.sh.")]
    private static partial void LogNoList(ILogger logger, string reason);
}
