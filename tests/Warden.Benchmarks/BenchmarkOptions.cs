namespace Warden.Benchmarks;

/// <summary>
/// Command line: <c>--duration 5 --warmup 2 --runs 3 --only grain --out path.json --import-rows 1000000</c> (0 skips the import)
/// <c>--baseline tests/Warden.Benchmarks/baseline.json --update-baseline no</c> (yes merges this run's figures into it, to commit),
/// <c>--silo-settings "Warden:Queues:Leases=WriteBehind;…"</c> (settings for the measured silo, to compare choices).
/// </summary>
public sealed record BenchmarkOptions(TimeSpan Duration, TimeSpan Warmup, int Runs, string? Only, string Output, int ImportRows, string BaselineFile, bool UpdateBaseline,
    IReadOnlyDictionary<string, string?> SiloSettings)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value' pairs, got '{args[i]}'. Options: --duration SECONDS --warmup SECONDS --runs N --only TEXT --out FILE --import-rows N --baseline FILE --update-baseline yes|no --silo-settings \"KEY=VALUE;…\"");
            }

            values[args[i][2..]] = args[++i];
        }

        var options = new BenchmarkOptions(
            TimeSpan.FromSeconds(double.Parse(values.GetValueOrDefault("duration", "5"), System.Globalization.CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(values.GetValueOrDefault("warmup", "2"), System.Globalization.CultureInfo.InvariantCulture)),
            int.Parse(values.GetValueOrDefault("runs", "3"), System.Globalization.CultureInfo.InvariantCulture),
            values.GetValueOrDefault("only"),
            values.GetValueOrDefault("out", Path.Combine("tests", "Warden.Benchmarks", "results", "summary.json")),
            int.Parse(values.GetValueOrDefault("import-rows", "1000000"), System.Globalization.CultureInfo.InvariantCulture),
            values.GetValueOrDefault("baseline", Path.Combine("tests", "Warden.Benchmarks", "baseline.json")),
            values.GetValueOrDefault("update-baseline", "no") is "yes" or "true",
            ParseSettings(values.GetValueOrDefault("silo-settings", "")));
        if (options.Duration <= TimeSpan.Zero || options.Warmup < TimeSpan.Zero || options.Runs < 1 || options.ImportRows < 0)
        {
            throw new ArgumentException("--duration must be positive, --warmup and --import-rows not negative and --runs at least 1.");
        }

        return options;
    }

    private static Dictionary<string, string?> ParseSettings(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], string? (pair) => pair.Length == 2 ? pair[1] : throw new ArgumentException($"--silo-settings: '{pair[0]}' needs KEY=VALUE"));
}
