using Warden.Testing;
using SkiaSharp;
using Warden.Scoring.Hashing;

namespace Warden.Scoring.Tests.Hashing;

public sealed class PdqHasherTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Threshold = 31;

    private static PdqResult HashOf(SKBitmap bitmap) => PdqHasher.Hash(TestImages.Encode(bitmap));

    [Fact]
    public void The_same_png_hashes_identically_with_high_quality()
    {
        using var scene = TestImages.Scene(1);
        var first = HashOf(scene);
        var second = PdqHasher.Hash(TestImages.Encode(scene));
        second.Hash.Should().Be(first.Hash);
        first.Quality.Should().BeGreaterThanOrEqualTo(PdqResult.TrustedQuality);
        first.Hash.ToString().Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Hex_round_trips()
    {
        using var scene = TestImages.Scene(2);
        var hash = HashOf(scene).Hash;
        Hash256.Parse(hash.ToString()).Should().Be(hash);
        Hash256.TryParse("xyz", out _).Should().BeFalse();
        Hash256.TryParse(new string('g', 64), out _).Should().BeFalse();
    }

    public static TheoryData<string> Transforms => ["resize-half", "resize-up", "jpeg-70", "crop-1%", "brighter", "darker"];

    [Theory]
    [MemberData(nameof(Transforms))]
    public void Transformed_images_match_within_the_threshold(string transform)
    {
        for (var seed = 10; seed < 15; seed++)
        {
            using var scene = TestImages.Scene(seed);
            var original = HashOf(scene).Hash;
            using var changed = transform switch
            {
                "resize-half" => TestImages.Resize(scene, 256, 256),
                "resize-up" => TestImages.Resize(scene, 900, 700),
                "crop-1%" => TestImages.Crop(scene, 0.01f),
                "brighter" => TestImages.Brighten(scene, 25),
                "darker" => TestImages.Brighten(scene, -25),
                _ => SKBitmap.Decode(TestImages.Encode(scene, SKEncodedImageFormat.Jpeg, 70)),
            };
            var distance = HashOf(changed).Hash.DistanceTo(original);
            distance.Should().BeLessThanOrEqualTo(Threshold, $"{transform} of scene {seed}");
        }
    }

    [Fact]
    public void Unrelated_images_do_not_match()
    {
        var hashes = Enumerable.Range(100, 12).Select(seed =>
        {
            using var scene = TestImages.Scene(seed);
            return HashOf(scene).Hash;
        }).ToList();
        for (var i = 0; i < hashes.Count; i++)
        {
            for (var j = i + 1; j < hashes.Count; j++)
            {
                hashes[i].DistanceTo(hashes[j]).Should().BeGreaterThan(Threshold);
            }
        }
    }

    [Fact]
    public void Large_jpegs_decoded_scaled_down_hash_within_a_few_bits_of_the_full_decode()
    {
        // 12-megapixel photos are decoded at about 2 MP (what the silo does): PDQ downsamples to 64×64 anyway.
        var distances = new List<int>();
        foreach (var seed in new[] { 20, 21, 22, 23, 24 })
        {
            using var scene = TestImages.Scene(seed, 4000, 3000);
            var jpeg = TestImages.Encode(scene, SKEncodedImageFormat.Jpeg, 90);
            using var full = LumaImage.DecodeBitmap(jpeg);
            using var scaled = LumaImage.DecodeBitmap(jpeg, 2_000_000);
            ((long)scaled.Width * scaled.Height).Should().BeLessThanOrEqualTo(2_000_000).And.BeGreaterThan(500_000);
            distances.Add(PdqHasher.Hash(LumaImage.FromBitmap(full)).Hash.DistanceTo(PdqHasher.Hash(LumaImage.FromBitmap(scaled)).Hash));
        }

        output.WriteLine($"full vs scaled decode, bits apart: {string.Join(", ", distances)}");
        distances.Should().OnlyContain(d => d <= 8, "a few bits, far inside the match threshold of 31");
    }

    [Fact]
    public void A_flat_image_has_low_quality()
    {
        using var flat = new SKBitmap(300, 200);
        flat.Erase(new SKColor(120, 120, 120));
        HashOf(flat).Quality.Should().BeLessThan(PdqResult.TrustedQuality);
    }

    [Fact]
    public void Bytes_that_are_not_an_image_are_refused()
    {
        var act = () => PdqHasher.Hash("not an image"u8.ToArray());
        act.Should().Throw<InvalidDataException>();
    }
}
