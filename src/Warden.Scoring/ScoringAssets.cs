namespace Warden.Scoring;

/// <summary>
/// Where the npm-installed assets live (<c>deploy/assets/node_modules</c>): word lists, OCR models,
/// the training corpus. Configured explicitly in a deployment; found by walking up from the running
/// program in a checkout, so the local cluster and the tests need no setting.
/// </summary>
public static class ScoringAssets
{
    public const string RelativeFolder = "deploy/assets/node_modules";

    public static string Locate(string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured)
                ? configured
                : throw new DirectoryNotFoundException($"Warden:Scoring:Assets '{configured}' does not exist");
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, RelativeFolder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"no {RelativeFolder} above {AppContext.BaseDirectory}: run deploy/assets/install.sh, or set Warden:Scoring:Assets");
    }

    public static string OcrModels(string nodeModules) => Path.Combine(nodeModules, "@gutenye", "ocr-models", "assets");

    public static string SpamCorpus(string nodeModules, string group) => Path.Combine(nodeModules, "@stdlib", "datasets-spam-assassin", "data", group);
}
