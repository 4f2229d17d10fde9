using Warden.Scoring.Hashing;

namespace Warden.Scoring.Tests.Hashing;

public sealed class PdqIndexTests
{
    [Theory]
    [InlineData(31)]
    [InlineData(15)]
    [InlineData(47)]
    public void The_index_finds_exactly_what_a_scan_finds(int threshold)
    {
        var random = new Random(threshold);
        var bank = Enumerable.Range(0, 20_000).Select(_ => RandomHash(random)).ToList();
        // Plant near neighbours of a few bank entries so there is something to find.
        var queries = Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? Flip(bank[random.Next(bank.Count)], random.Next(0, threshold + 8), random) : RandomHash(random)).ToList();
        var index = new PdqIndex(bank);
        var found = 0;
        foreach (var query in queries)
        {
            var expected = index.Scan(query, threshold).OrderBy(m => m.Id).ToList();
            index.Search(query, threshold).OrderBy(m => m.Id).Should().Equal(expected);
            found += expected.Count;
        }

        found.Should().BeGreaterThan(20, "the planted neighbours within the threshold are found");
    }

    [Fact]
    public void An_empty_index_finds_nothing()
    {
        new PdqIndex([]).Search(RandomHash(new Random(1)), 31).Should().BeEmpty();
    }

    internal static Hash256 RandomHash(Random random) =>
        new((ulong)random.NextInt64() ^ ((ulong)random.Next() << 40), (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40), (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40), (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40));

    internal static Hash256 Flip(Hash256 hash, int bits, Random random)
    {
        var words = new[] { hash.W0, hash.W1, hash.W2, hash.W3 };
        foreach (var bit in Enumerable.Range(0, 256).OrderBy(_ => random.Next()).Take(bits))
        {
            words[bit / 64] ^= 1UL << (bit % 64);
        }

        return new Hash256(words[0], words[1], words[2], words[3]);
    }
}
