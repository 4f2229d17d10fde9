using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Warden.Benchmarks;

/// <summary>
/// The last committed results file (<c>tests/Warden.Benchmarks/baseline.json</c> as HEAD holds it): each run is
/// compared with it and every figure that fell by more than 30% is printed (a warning, never a failure: these
/// machines are noisy). <c>--update-baseline yes</c> merges a run's figures into it, so a run of some scenarios
/// (<c>--only</c>) keeps the others' figures.
/// </summary>
public sealed class Baseline(JsonObject? committed, string source)
{
    public const double Drop = 0.30;

    public string Source => source;

    /// <summary>The results file as the last commit holds it, else as it is on disk, else none.</summary>
    public static Baseline Load(string path)
    {
        var committed = GitShow(path);
        if (committed is not null)
        {
            return new Baseline(Parse(committed), $"HEAD:{Path.GetRelativePath(Environment.CurrentDirectory, path)}");
        }

        return File.Exists(path) ? new Baseline(Parse(File.ReadAllText(path)), path) : new Baseline(null, "none");
    }

    /// <summary>Lines naming every scenario median and ratio more than 30% below the baseline's.</summary>
    public IReadOnlyList<string> Regressions(IReadOnlyList<ScenarioSummary> summaries, IReadOnlyDictionary<string, double> ratios)
    {
        var lines = new List<string>();
        var measuredAt = committed?["measuredAt"]?.GetValue<string>()[..10] ?? "?";
        var before = (committed?["scenarios"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(s => s["Name"] is not null && s["MedianPerSecond"] is not null)
            .ToDictionary(s => s["Name"]!.GetValue<string>(), s => s["MedianPerSecond"]!.GetValue<double>());
        foreach (var summary in summaries)
        {
            if (before.TryGetValue(summary.Name, out var old) && old > 0 && summary.MedianPerSecond < old * (1 - Drop))
            {
                lines.Add($"REGRESSION {summary.Name}: {old:N0} → {summary.MedianPerSecond:N0} {summary.Unit} ({(summary.MedianPerSecond / old) - 1:P0}; baseline {measuredAt})");
            }
        }

        var oldRatios = committed?["ratios"] as JsonObject;
        foreach (var (name, value) in ratios)
        {
            if (oldRatios?[name]?.GetValue<double>() is { } old && old > 0 && value < old * (1 - Drop))
            {
                lines.Add($"REGRESSION ratio {name}: {old:F3} → {value:F3} ({(value / old) - 1:P0}; baseline {measuredAt})");
            }
        }

        return lines;
    }

    /// <summary>This run's results over the baseline's: scenarios and ratios by name, other sections where this run has them.</summary>
    public JsonObject Merge(JsonObject run)
    {
        if (committed is null)
        {
            return run;
        }

        var merged = (JsonObject)committed.DeepClone();
        foreach (var (key, value) in run)
        {
            switch (key)
            {
                case "scenarios":
                    var byName = (merged["scenarios"] as JsonArray ?? []).OfType<JsonObject>().ToDictionary(s => s["Name"]!.GetValue<string>(), s => (JsonNode)s.DeepClone());
                    foreach (var scenario in (value as JsonArray ?? []).OfType<JsonObject>())
                    {
                        byName[scenario["Name"]!.GetValue<string>()] = scenario.DeepClone();
                    }

                    merged["scenarios"] = new JsonArray([.. byName.Values]);
                    break;
                case "ratios" or "leaseNext":
                    var section = merged[key] as JsonObject ?? [];
                    foreach (var (name, figure) in value as JsonObject ?? [])
                    {
                        section[name] = figure?.DeepClone();
                    }

                    merged[key] = section.DeepClone();
                    break;
                default:
                    if (value is not null)
                    {
                        merged[key] = value.DeepClone();
                    }

                    break;
            }
        }

        return merged;
    }

    private static JsonObject? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? GitShow(string path)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Directory.Exists(folder) ? folder : Environment.CurrentDirectory };
            start.ArgumentList.Add("show");
            start.ArgumentList.Add($"HEAD:./{Path.GetFileName(path)}");
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var text = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
