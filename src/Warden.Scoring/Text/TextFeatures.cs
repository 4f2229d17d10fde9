namespace Warden.Scoring.Text;

/// <summary>
/// The text model's input, computed the same way when training and serving: the folded words of the
/// text (see <see cref="TextNormalizer"/>) as unigrams and bigrams, plus character 3- and 4-grams of
/// words of 4–30 letters (they carry a model across misspellings and new vocabulary), hashed with a
/// sign into <see cref="Dimension"/> buckets, weighted log(1 + count) and scaled to unit length.
/// A model records <see cref="Version"/> and <see cref="Dimension"/>; serving refuses one built otherwise.
/// </summary>
public sealed class TextFeatures(int dimension)
{
    public const string Version = "folded-words-1-2gram-char-3-4gram-v1";

    /// <summary>Longer texts are cut: the first 64k characters carry the signal and bound the cost.</summary>
    public const int MaxCharacters = 65_536;

    public int Dimension { get; } = dimension > 0 && (dimension & (dimension - 1)) == 0
        ? dimension
        : throw new ArgumentException("the feature dimension must be a power of two", nameof(dimension));

    /// <summary>Writes the features of <paramref name="text"/> into <paramref name="vector"/> (cleared first).</summary>
    public void Extract(string text, Span<float> vector)
    {
        vector.Clear();
        var counts = Count(text);
        double norm = 0;
        foreach (var (index, count) in counts)
        {
            var value = (float)Math.Log(1 + Math.Abs(count)) * Math.Sign(count);
            vector[index] = value;
            norm += value * value;
        }

        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            foreach (var index in counts.Keys)
            {
                vector[index] *= scale;
            }
        }
    }

    /// <summary>The non-zero entries only, for training on sparse vectors.</summary>
    public (int[] Indices, float[] Values) ExtractSparse(string text)
    {
        var counts = Count(text);
        var indices = counts.Keys.ToArray();
        var values = indices.Select(i => (float)Math.Log(1 + Math.Abs(counts[i])) * Math.Sign(counts[i])).ToArray();
        var norm = Math.Sqrt(values.Sum(v => (double)v * v));
        if (norm > 0)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (float)(values[i] / norm);
            }
        }

        return (indices, values);
    }

    private Dictionary<int, int> Count(string text)
    {
        var words = TextNormalizer.Words(text.Length > MaxCharacters ? text[..MaxCharacters] : text);
        var counts = new Dictionary<int, int>(words.Count * 2);
        string? previous = null;
        foreach (var word in words)
        {
            Add(counts, Fnv(word, 0x811C9DC5));
            if (previous is not null)
            {
                Add(counts, Fnv(word, Fnv(previous, 0x9E3779B9)));
            }

            previous = word;
            if (word.Length is >= 4 and <= 30)
            {
                AddCharacterGrams(counts, word);
            }
        }

        return counts;
    }

    private void AddCharacterGrams(Dictionary<int, int> counts, string word)
    {
        Span<char> bounded = stackalloc char[word.Length + 2];
        bounded[0] = '<';
        word.CopyTo(bounded[1..]);
        bounded[^1] = '>';
        for (var n = 3; n <= 4; n++)
        {
            for (var start = 0; start + n <= bounded.Length; start++)
            {
                Add(counts, Fnv(bounded.Slice(start, n), 0x01234567));
            }
        }
    }

    private void Add(Dictionary<int, int> counts, uint hash)
    {
        var index = (int)(hash & (uint)(Dimension - 1));
        var sign = (hash & 0x8000_0000) == 0 ? 1 : -1;
        counts[index] = counts.GetValueOrDefault(index) + sign;
    }

    /// <summary>FNV-1a: stable across processes and machines, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static uint Fnv(ReadOnlySpan<char> text, uint seed)
    {
        var hash = seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }
}
