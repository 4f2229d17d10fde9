using System.Text.Json;

namespace Warden.Scoring.Rules;

/// <summary>
/// Word lists shipped as npm packages under the assets folder: <c>naughty-words/en</c> is the JSON array
/// in <c>node_modules/naughty-words/en.json</c>. Loaded once per name and kept.
/// </summary>
public sealed class WordLists(string nodeModules)
{
    private readonly Dictionary<string, IReadOnlyList<string>> _loaded = [];
    private readonly Lock _gate = new();

    /// <summary>Why <paramref name="name"/> cannot be used, or null when it can.</summary>
    public string? Problem(string name)
    {
        var path = PathOf(name);
        return path is null ? $"'{name}' is not a known list (use naughty-words/<language>, e.g. naughty-words/en)"
            : File.Exists(path) ? null
            : $"'{name}' is not installed under {nodeModules} (run deploy/assets/install.sh)";
    }

    public IReadOnlyList<string> Get(string name)
    {
        lock (_gate)
        {
            if (!_loaded.TryGetValue(name, out var words))
            {
                var path = PathOf(name) ?? throw new ArgumentException(Problem(name), nameof(name));
                using var file = File.OpenRead(path);
                words = JsonSerializer.Deserialize<string[]>(file) ?? [];
                _loaded[name] = words;
            }

            return words;
        }
    }

    private string? PathOf(string name)
    {
        const string Prefix = "naughty-words/";
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var language = name[Prefix.Length..];
        return language.Length is >= 2 and <= 5 && language.All(char.IsAsciiLetterLower)
            ? Path.Combine(nodeModules, "naughty-words", language + ".json")
            : null;
    }
}
