using Warden.Abstractions.Scoring;

namespace Warden.Cli;

internal static class Report
{
    /// <summary>Prints the success line or every error; the exit code.</summary>
    public static int Print(ScoringConfigResult result, string success)
    {
        if (result.Saved)
        {
            Console.WriteLine(success);
            return 0;
        }

        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine($"{error.Field}: {error.Message}");
        }

        return 1;
    }
}
