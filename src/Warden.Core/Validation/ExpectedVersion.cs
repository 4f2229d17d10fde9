using Warden.Abstractions.Validation;

namespace Warden.Core.Validation;

/// <summary>
/// Optimistic concurrency for whole-document edits (queue configs, rule sets, routing, the catalog): a writer
/// names the version it read, and a stale one is refused with the version to reload.
/// </summary>
public static class ExpectedVersion
{
    /// <summary>Null when <paramref name="expected"/> is the current version, else the refusal naming both.</summary>
    public static FieldError? Check(string what, int current, int expected) =>
        expected == current ? null : new FieldError("Version", $"{what} is at version {current}, not {expected}: reload and apply your change again");

    /// <summary>Adds the refusal to <paramref name="errors"/> when the version is stale.</summary>
    public static void Check(List<FieldError> errors, string what, int current, int expected)
    {
        if (Check(what, current, expected) is { } stale)
        {
            errors.Add(stale);
        }
    }
}
