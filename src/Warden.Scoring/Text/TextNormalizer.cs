using System.Globalization;
using System.Text;

namespace Warden.Scoring.Text;

/// <summary>
/// Folds the tricks people use to slip words past filters — full-width and styled letters, accents,
/// homoglyphs, leetspeak, zero-width characters, separators inside words (<c>h.a.t.e</c>), spaced-out
/// letters (<c>h a t e</c>) and stretched letters — so that rules and keyword lists see plain words.
/// Both the content and the rules go through the same folding, so they always agree.
/// </summary>
public static class TextNormalizer
{
    /// <summary>The words of <paramref name="text"/>, folded; punctuation between words is dropped.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var folded = FoldCharacters(text);
        var words = new List<string>();
        var pendingSingles = new StringBuilder();
        foreach (var raw in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = FoldWord(raw);
            if (word.Length == 0)
            {
                continue;
            }

            // "h a t e": a run of one-letter words is one spaced-out word.
            if (word.Length == 1 && char.IsLetter(word[0]))
            {
                pendingSingles.Append(word);
                continue;
            }

            FlushSingles(pendingSingles, words);
            words.Add(word);
        }

        FlushSingles(pendingSingles, words);
        return words;
    }

    /// <summary>The folded words joined by single spaces: what regex rules run against.</summary>
    public static string Normalize(string text) => string.Join(' ', Words(text));

    /// <summary>Runs of one character longer than <paramref name="keep"/> cut to <paramref name="keep"/> ("haaate" → "hate" for 1).</summary>
    public static string CollapseRepeats(string word, int keep)
    {
        var result = new StringBuilder(word.Length);
        var run = 0;
        for (var i = 0; i < word.Length; i++)
        {
            run = i > 0 && word[i] == word[i - 1] ? run + 1 : 1;
            if (run <= keep)
            {
                result.Append(word[i]);
            }
        }

        return result.ToString();
    }

    private static void FlushSingles(StringBuilder singles, List<string> words)
    {
        if (singles.Length > 0)
        {
            words.Add(singles.ToString());
            singles.Clear();
        }
    }

    /// <summary>NFKC, case folding, accents and invisible characters removed, homoglyphs mapped; whitespace to ' '.</summary>
    private static string FoldCharacters(string text)
    {
        if (System.Text.Ascii.IsValid(text))
        {
            // Most text: nothing to compose, strip or map, only case and whitespace to fold.
            return string.Create(text.Length, text, static (chars, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    var c = source[i];
                    chars[i] = c <= ' ' || c == '\x7f' ? ' ' : char.ToLowerInvariant(c);
                }
            });
        }

        var decomposed = text.Normalize(NormalizationForm.FormKC).Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format or UnicodeCategory.EnclosingMark)
            {
                continue; // accents, zero-width joiners/spaces, soft hyphens, bidi controls
            }

            if (char.IsWhiteSpace(c) || category is UnicodeCategory.Control)
            {
                result.Append(' ');
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            result.Append(Homoglyphs.TryGetValue(lower, out var latin) ? latin : lower);
        }

        return result.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Within one whitespace-delimited word: leetspeak to letters, separators removed.</summary>
    private static string FoldWord(string raw)
    {
        raw = raw.TrimEnd(SentencePunctuation); // "friend!" is not "friendi"
        var hasLetter = raw.Any(char.IsLetter);
        var result = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (char.IsLetter(c))
            {
                result.Append(c);
            }
            else if (hasLetter && Leet.TryGetValue(c, out var letter))
            {
                result.Append(letter); // only inside words: "2021" stays a number
            }
            else if (char.IsDigit(c))
            {
                result.Append(c);
            }

            // anything else (. - _ * ' etc.) is a separator and dropped
        }

        return result.ToString();
    }

    private static readonly char[] SentencePunctuation = ['!', '?', '.', ',', ';', ':', '"', '\'', ')', ']', '}'];

    private static readonly Dictionary<char, char> Leet = new()
    {
        ['4'] = 'a', ['@'] = 'a', ['8'] = 'b', ['3'] = 'e', ['6'] = 'g', ['1'] = 'i', ['!'] = 'i', ['|'] = 'l',
        ['0'] = 'o', ['5'] = 's', ['$'] = 's', ['7'] = 't', ['+'] = 't', ['2'] = 'z',
    };

    /// <summary>Cyrillic and Greek letters that look like Latin ones, after lower-casing.</summary>
    private static readonly Dictionary<char, char> Homoglyphs = new()
    {
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o',
        ['р'] = 'p', ['с'] = 'c', ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['і'] = 'i', ['ј'] = 'j', ['ѕ'] = 's',
        ['ԁ'] = 'd', ['ɡ'] = 'g', ['α'] = 'a', ['β'] = 'b', ['ε'] = 'e', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v',
        ['ο'] = 'o', ['ρ'] = 'p', ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x', ['ı'] = 'i', ['ℓ'] = 'l',
    };
}
