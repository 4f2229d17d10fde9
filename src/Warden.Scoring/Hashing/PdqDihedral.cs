namespace Warden.Scoring.Hashing;

/// <summary>
/// The hashes of an image's 8 rotations and flips, derived from its 16×16 DCT block without decoding
/// or transforming the image again (PDQ's reference "dihedral" hashes): a flip negates the coefficients
/// of odd frequency along its axis, and a transpose mirrors the image over its main diagonal.
/// </summary>
public static class PdqDihedral
{
    private const int Size = 16;

    /// <summary>Variant names, in the order <see cref="Hashes"/> returns them; "original" is the image itself.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["original", "rotate-90", "rotate-180", "rotate-270", "flip-x", "flip-y", "flip-main-diagonal", "flip-anti-diagonal"];

    /// <summary>The hash of each variant of the image whose DCT block is <paramref name="block"/>.</summary>
    public static Hash256[] Hashes(ReadOnlySpan<float> block)
    {
        // The block's rows follow vertical frequency (i), its columns horizontal frequency (j), from 1: a
        // mirror along an axis negates the coefficients whose frequency along it is odd, i.e. even index.
        var hashes = new Hash256[Names.Count];
        Span<float> variant = stackalloc float[Size * Size];
        for (var v = 0; v < Names.Count; v++)
        {
            for (var i = 0; i < Size; i++)
            {
                for (var j = 0; j < Size; j++)
                {
                    var (value, row, col) = Names[v] switch
                    {
                        "rotate-90" => (Negate(block[(j * Size) + i], j % 2 == 0), i, j),
                        "rotate-180" => (Negate(block[(i * Size) + j], (i + j) % 2 == 1), i, j),
                        "rotate-270" => (Negate(block[(j * Size) + i], i % 2 == 0), i, j),
                        "flip-x" => (Negate(block[(i * Size) + j], j % 2 == 0), i, j),
                        "flip-y" => (Negate(block[(i * Size) + j], i % 2 == 0), i, j),
                        "flip-main-diagonal" => (block[(j * Size) + i], i, j),
                        "flip-anti-diagonal" => (Negate(block[(j * Size) + i], (i + j) % 2 == 1), i, j),
                        _ => (block[(i * Size) + j], i, j),
                    };
                    variant[(row * Size) + col] = value;
                }
            }

            hashes[v] = PdqHasher.HashFromBlock(variant);
        }

        return hashes;
    }

    private static float Negate(float value, bool negate) => negate ? -value : value;
}
