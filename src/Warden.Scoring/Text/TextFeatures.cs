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
    public void Extract(string text, Span<float> vector) => Extract(WordsOf(text), vector);

    /// <summary>
    /// The words features are computed from: the folded words of the first <see cref="MaxCharacters"/>
    /// characters. <paramref name="allWords"/>, the folded words of the whole text when the caller has them
    /// already, is reused when the text is no longer than that, so a text is folded once.
    /// </summary>
    public static IReadOnlyList<string> WordsOf(string text, IReadOnlyList<string>? allWords = null) =>
        text.Length <= MaxCharacters ? allWords ?? TextNormalizer.Words(text) : TextNormalizer.Words(text[..MaxCharacters]);

    /// <summary>Writes the features of already folded <paramref name="words"/> (see <see cref="WordsOf"/>) into <paramref name="vector"/>.</summary>
    public void Extract(IReadOnlyList<string> words, Span<float> vector)
    {
        vector.Clear();
        var sink = new DenseSink(vector.Length - 1, new List<int>(256));
        Walk(words, ref sink, vector);

        // Counts become log(1 + |count|) with their sign; a bucket whose count cancelled to 0 stays 0.
        var values = new List<(int Index, float Value)>(sink.Touched.Count);
        foreach (var index in sink.Touched)
        {
            var count = vector[index];
            if (count != 0)
            {
                values.Add((index, (float)Math.Log(1 + Math.Abs(count)) * Math.Sign(count)));
                vector[index] = 0;
            }
        }

        double norm = 0;
        foreach (var (_, value) in values)
        {
            norm += value * value;
        }

        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0;
        foreach (var (index, value) in values)
        {
            vector[index] = value * scale;
        }
    }

    /// <summary>The non-zero entries only, for training on sparse vectors; the same values <see cref="Extract"/> writes.</summary>
    public (int[] Indices, float[] Values) ExtractSparse(string text)
    {
        var vector = new float[Dimension];
        Extract(text, vector);
        var indices = Enumerable.Range(0, Dimension).Where(i => vector[i] != 0).ToArray();
        return (indices, [.. indices.Select(i => vector[i])]);
    }

    private static void Walk(IReadOnlyList<string> words, ref DenseSink sink, Span<float> counts)
    {
        string? previous = null;
        Span<char> bounded = stackalloc char[32];
        foreach (var word in words)
        {
            sink.Add(Fnv(word, 0x811C9DC5), counts);
            if (previous is not null)
            {
                sink.Add(Fnv(word, Fnv(previous, 0x9E3779B9)), counts);
            }

            previous = word;
            if (word.Length is >= 4 and <= 30)
            {
                bounded[0] = '<';
                word.CopyTo(bounded[1..]);
                bounded[word.Length + 1] = '>';
                var gram = bounded[..(word.Length + 2)];
                for (var n = 3; n <= 4; n++)
                {
                    for (var start = 0; start + n <= gram.Length; start++)
                    {
                        sink.Add(Fnv(gram.Slice(start, n), 0x01234567), counts);
                    }
                }
            }
        }
    }

    /// <summary>Signed counts straight into the dense vector, remembering which buckets were touched.</summary>
    private readonly record struct DenseSink(int Mask, List<int> Touched)
    {
        public void Add(uint hash, Span<float> counts)
        {
            var index = (int)(hash & (uint)Mask);
            if (counts[index] == 0)
            {
                Touched.Add(index);
            }

            counts[index] += (hash & 0x8000_0000) == 0 ? 1 : -1;
        }
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
