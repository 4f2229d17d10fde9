using SkiaSharp;
using Warden.Scoring.Hashing;
using Warden.Testing;

namespace Warden.Scoring.Tests.Hashing;

/// <summary>Each derived variant is the hash of the image actually rotated or flipped, within a few bits.</summary>
public sealed class PdqDihedralTests
{
    public static TheoryData<string> Variants => [.. PdqDihedral.Names.Skip(1)];

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_derived_variant_matches_the_transformed_image(string variant)
    {
        for (var seed = 30; seed < 33; seed++)
        {
            using var scene = TestImages.Scene(seed, 384, 384);
            var derived = PdqHasher.Hash(LumaImage.FromBitmap(scene), dihedral: true);
            using var transformed = Transform(scene, variant);
            var actual = PdqHasher.Hash(LumaImage.FromBitmap(transformed)).Hash;

            var index = PdqDihedral.Names.ToList().IndexOf(variant);
            // Not 0: PDQ's decimation samples cell centres that a mirror shifts by a pixel; far inside the match threshold.
            derived.Dihedral![index].DistanceTo(actual).Should().BeLessThanOrEqualTo(16, $"{variant} of scene {seed}");
            derived.Dihedral.Where((_, other) => other != index).Should().OnlyContain(h => h.DistanceTo(actual) > 31, "only the named variant matches");
            derived.Dihedral[0].Should().Be(derived.Hash);
            derived.Hash.DistanceTo(actual).Should().BeGreaterThan(31, "a transformed image does not match the original's own hash");
        }
    }

    /// <summary>Exact pixel permutations, so only the hash's arithmetic can differ.</summary>
    private static SKBitmap Transform(SKBitmap source, string variant)
    {
        var n = source.Width;
        var result = new SKBitmap(n, n, source.ColorType, source.AlphaType);
        for (var y = 0; y < n; y++)
        {
            for (var x = 0; x < n; x++)
            {
                // Destination (x, y) takes the source pixel the variant moves there.
                var (sx, sy) = variant switch
                {
                    "rotate-90" => (y, n - 1 - x),        // clockwise
                    "rotate-180" => (n - 1 - x, n - 1 - y),
                    "rotate-270" => (n - 1 - y, x),
                    "flip-x" => (n - 1 - x, y),           // mirrored left to right
                    "flip-y" => (x, n - 1 - y),           // upside down
                    "flip-main-diagonal" => (y, x),
                    "flip-anti-diagonal" => (n - 1 - y, n - 1 - x),
                    _ => throw new ArgumentException(variant),
                };
                result.SetPixel(x, y, source.GetPixel(sx, sy));
            }
        }

        return result;
    }
}
