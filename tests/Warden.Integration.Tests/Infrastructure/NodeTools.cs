using System.Diagnostics;

namespace Warden.Integration.Tests.Infrastructure;

/// <summary>Runs the npm tools installed with the assets (deploy/assets/install.sh): Redocly, openapi-typescript, tsc, node.</summary>
public static class NodeTools
{
    public static string Bin(string tool) => Path.Combine(Warden.Scoring.ScoringAssets.Locate(), ".bin", tool);

    /// <summary>A scratch folder inside the assets' node_modules, so scripts there resolve the installed packages.</summary>
    public static string ScratchFolder()
    {
        var folder = Path.Combine(Warden.Scoring.ScoringAssets.Locate(), $".warden-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static async Task<(int ExitCode, string Output, string Log)> RunAsync(string program, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory };
        info.Environment["REDOCLY_TELEMETRY"] = "off";
        info.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        info.Environment["NO_UPDATE_NOTIFIER"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await stdout, await stderr);
    }
}
