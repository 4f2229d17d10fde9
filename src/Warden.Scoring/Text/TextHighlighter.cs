namespace Warden.Scoring.Text;

/// <summary>One run of the original text, and whether a matched keyword covers it.</summary>
public readonly record struct HighlightedRun(string Text, bool Hit);

/// <summary>
/// Finds where keyword hits occur in the text as the author wrote it, so a reviewer sees the very words
/// a rule matched. Each whitespace-separated token is folded like the rules fold content, so
/// <c>FR33 M0NEY</c> lights up for the keyword <c>free money</c>.
/// </summary>
public static class TextHighlighter
{
    public static IReadOnlyList<HighlightedRun> Highlight(string text, IReadOnlyCollection<string> keywords)
    {
        var tokens = Tokens(text);
        var hit = new bool[tokens.Count];
        var words = new List<(string Word, int Token)>();
        for (var t = 0; t < tokens.Count; t++)
        {
            if (!tokens[t].Space)
            {
                words.AddRange(TextNormalizer.Words(text.Substring(tokens[t].Start, tokens[t].Length)).Select(w => (w, t)));
            }
        }

        foreach (var keyword in keywords)
        {
            var wanted = TextNormalizer.Words(keyword);
            for (var start = 0; wanted.Count > 0 && start + wanted.Count <= words.Count; start++)
            {
                if (Enumerable.Range(0, wanted.Count).All(i => words[start + i].Word == wanted[i]))
                {
                    for (var t = words[start].Token; t <= words[start + wanted.Count - 1].Token; t++)
                    {
                        hit[t] = true;
                    }
                }
            }
        }

        var runs = new List<HighlightedRun>();
        for (var t = 0; t < tokens.Count;)
        {
            var end = t;
            while (end + 1 < tokens.Count && hit[end + 1] == hit[t])
            {
                end++;
            }

            runs.Add(new HighlightedRun(text[tokens[t].Start..(tokens[end].Start + tokens[end].Length)], hit[t]));
            t = end + 1;
        }

        return runs;
    }

    private static List<(int Start, int Length, bool Space)> Tokens(string text)
    {
        var tokens = new List<(int, int, bool)>();
        for (var i = 0; i < text.Length;)
        {
            var space = char.IsWhiteSpace(text[i]);
            var start = i;
            while (i < text.Length && char.IsWhiteSpace(text[i]) == space)
            {
                i++;
            }

            tokens.Add((start, i - start, space));
        }

        return tokens;
    }
}
