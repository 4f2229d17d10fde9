using System.Text.RegularExpressions;
using Warden.Abstractions.Scoring;
using Warden.Scoring.Text;

namespace Warden.Scoring.Rules;

/// <summary>
/// All rule sets compiled into one matcher: keywords and phrases in a dictionary of folded word
/// n-grams, patterns as non-backtracking regexes (linear time on hostile text). Immutable, so a silo
/// swaps in a new one when rules change while requests in flight finish on the old.
/// </summary>
public sealed class RuleMatcher
{
    private readonly Dictionary<string, List<RuleSetDefinition>> _phrases = new(StringComparer.Ordinal);
    private readonly List<(RuleSetDefinition Set, string Source, Regex Regex)> _patterns = [];
    private readonly int _longestPhrase;

    public static RuleMatcher Empty { get; } = new([], null);

    public RuleMatcher(IEnumerable<RuleSetDefinition> ruleSets, WordLists? wordLists)
    {
        foreach (var set in ruleSets)
        {
            var words = set.Keywords.Concat(set.WordLists.SelectMany(list => wordLists?.Get(list) ?? []));
            foreach (var keyword in words)
            {
                var phrase = TextNormalizer.Words(keyword);
                if (phrase.Count == 0)
                {
                    continue;
                }

                var key = string.Join(' ', phrase);
                if (!_phrases.TryGetValue(key, out var sets))
                {
                    _phrases[key] = sets = [];
                }

                if (!sets.Contains(set))
                {
                    sets.Add(set);
                }

                _longestPhrase = Math.Max(_longestPhrase, phrase.Count);
            }

            foreach (var pattern in set.Patterns)
            {
                _patterns.Add((set, pattern, Compile(pattern)));
            }
        }
    }

    public int PhraseCount => _phrases.Count;

    /// <summary>Shorter keywords are not searched inside run-together text: "ass" would hit "class".</summary>
    public const int MinUnspacedLength = 5;

    /// <summary>A pattern as the matcher runs it; throws <see cref="ArgumentException"/> when it does not compile.</summary>
    public static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(200));

    /// <summary>
    /// Every rule hit in <paramref name="text"/>, at most one per rule set and term. <paramref name="unspaced"/>
    /// is for OCR output, which often runs words together ("CHEAPVIAGRANOW"): keywords of at least
    /// <see cref="MinUnspacedLength"/> letters are then also found inside words.
    /// </summary>
    public IReadOnlyList<RuleHit> Match(string text, bool unspaced = false) =>
        string.IsNullOrEmpty(text) ? [] : Match(TextNormalizer.Words(text), unspaced);

    /// <summary>The same, for text already folded by <see cref="TextNormalizer.Words"/>.</summary>
    public IReadOnlyList<RuleHit> Match(IReadOnlyList<string> words, bool unspaced = false)
    {
        var hits = new List<RuleHit>();
        if (_phrases.Count > 0)
        {
            MatchPhrases(words, hits);
            if (unspaced)
            {
                MatchInside(string.Concat(words), hits);
            }
        }

        if (_patterns.Count > 0)
        {
            var normalized = string.Join(' ', words);
            foreach (var (set, source, regex) in _patterns)
            {
                if (regex.IsMatch(normalized))
                {
                    hits.Add(new RuleHit(set.Name, set.Policy, set.Weight, RuleHitKind.Pattern, source));
                }
            }
        }

        return hits;
    }

    private void MatchInside(string joined, List<RuleHit> hits)
    {
        foreach (var (phrase, sets) in _phrases)
        {
            var key = phrase.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (key.Length < MinUnspacedLength || !joined.Contains(key, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var set in sets.Where(set => !hits.Any(h => h.RuleSet == set.Name && h.Term == phrase)))
            {
                hits.Add(new RuleHit(set.Name, set.Policy, set.Weight, RuleHitKind.Keyword, phrase));
            }
        }
    }

    private void MatchPhrases(IReadOnlyList<string> words, List<RuleHit> hits)
    {
        // Stretched letters: "haaate" is tried as "haate" and "hate"; "asss" as "ass".
        var forms = new[] { words.Select(w => TextNormalizer.CollapseRepeats(w, 2)).ToArray(), words.Select(w => TextNormalizer.CollapseRepeats(w, 1)).ToArray() };
        var seen = new HashSet<(string, string)>();
        foreach (var form in forms)
        {
            for (var start = 0; start < form.Length; start++)
            {
                for (var length = 1; length <= _longestPhrase && start + length <= form.Length; length++)
                {
                    var key = length == 1 ? form[start] : string.Join(' ', form, start, length);
                    if (!_phrases.TryGetValue(key, out var sets))
                    {
                        continue;
                    }

                    foreach (var set in sets)
                    {
                        if (seen.Add((set.Name, key)))
                        {
                            hits.Add(new RuleHit(set.Name, set.Policy, set.Weight, RuleHitKind.Keyword, key));
                        }
                    }
                }
            }
        }
    }
}
