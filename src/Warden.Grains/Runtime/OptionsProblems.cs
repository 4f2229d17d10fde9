using Microsoft.Extensions.Options;

namespace Warden.Grains.Runtime;

/// <summary>
/// Validates a feature's options by listing every problem at once (not the first one), so a silo with a
/// bad configuration stops at start naming all of them.
/// </summary>
public sealed class OptionsProblems<TOptions>(Func<TOptions, IEnumerable<string>> problems) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var found = problems(options).ToList();
        return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
    }
}
