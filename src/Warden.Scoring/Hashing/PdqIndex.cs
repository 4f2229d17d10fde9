using System.Numerics;

namespace Warden.Scoring.Hashing;

/// <summary>
/// Multi-index hashing over PDQ hashes: 16 tables, one per 16-bit slot. Any hash within distance d of
/// a query agrees with it to within ⌊d/16⌋ bits in at least one slot, so a query probes each table
/// with that radius (17 buckets per slot at the default 31) and verifies candidates with a full
/// popcount — a few thousand comparisons on a million hashes instead of a million. Immutable and
/// thread-safe; built in O(16·n) by counting sort.
/// </summary>
public sealed class PdqIndex
{
    private const int Slots = 16;
    private readonly Hash256[] _hashes;
    private readonly int[][] _bucketStarts = new int[Slots][];
    private readonly int[][] _members = new int[Slots][];

    public PdqIndex(IReadOnlyList<Hash256> hashes)
    {
        _hashes = [.. hashes];
        for (var slot = 0; slot < Slots; slot++)
        {
            var starts = new int[ushort.MaxValue + 2];
            foreach (var hash in _hashes)
            {
                starts[hash.Slot(slot) + 1]++;
            }

            for (var v = 1; v < starts.Length; v++)
            {
                starts[v] += starts[v - 1];
            }

            var members = new int[_hashes.Length];
            var next = (int[])starts.Clone();
            for (var id = 0; id < _hashes.Length; id++)
            {
                members[next[_hashes[id].Slot(slot)]++] = id;
            }

            _bucketStarts[slot] = starts;
            _members[slot] = members;
        }
    }

    public int Count => _hashes.Length;

    /// <summary>The index's arrays: 32 bytes a hash plus, per slot table, a 4-byte id a hash and its bucket starts.</summary>
    public long MemoryBytes => (long)_hashes.Length * 32 + _members.Sum(m => (long)m.Length * sizeof(int)) + _bucketStarts.Sum(b => (long)b.Length * sizeof(int));

    public Hash256 this[int id] => _hashes[id];

    /// <summary>Ids of every hash within <paramref name="threshold"/> bits of <paramref name="query"/>, each once.</summary>
    public List<(int Id, int Distance)> Search(Hash256 query, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        var radius = Math.Min(threshold / Slots, 16);
        var found = new List<(int, int)>();
        for (var slot = 0; slot < Slots; slot++)
        {
            var value = query.Slot(slot);
            ProbeWithin(slot, value, radius, 0, 0, query, threshold, found);
        }

        return found;
    }

    /// <summary>The same answer by comparing with every hash: the reference the index is tested against.</summary>
    public List<(int Id, int Distance)> Scan(Hash256 query, int threshold)
    {
        var found = new List<(int, int)>();
        for (var id = 0; id < _hashes.Length; id++)
        {
            var distance = _hashes[id].DistanceTo(query);
            if (distance <= threshold)
            {
                found.Add((id, distance));
            }
        }

        return found;
    }

    /// <summary>Visits every slot value within <paramref name="radius"/> bit flips of <paramref name="value"/> (flipping bits from <paramref name="fromBit"/> up).</summary>
    private void ProbeWithin(int slot, ushort value, int radius, int fromBit, int flipped, in Hash256 query, int threshold, List<(int, int)> found)
    {
        Visit(slot, value, query, threshold, radius, found);
        if (flipped == radius)
        {
            return;
        }

        for (var bit = fromBit; bit < 16; bit++)
        {
            ProbeWithin(slot, (ushort)(value ^ (1 << bit)), radius, bit + 1, flipped + 1, query, threshold, found);
        }
    }

    private void Visit(int slot, ushort bucket, in Hash256 query, int threshold, int radius, List<(int, int)> found)
    {
        var starts = _bucketStarts[slot];
        var members = _members[slot].AsSpan(starts[bucket], starts[bucket + 1] - starts[bucket]);
        var hashes = _hashes;
        ulong q0 = query.W0, q1 = query.W1, q2 = query.W2, q3 = query.W3;
        foreach (var id in members)
        {
            ref readonly var candidate = ref hashes[id];
            var distance = BitOperations.PopCount(candidate.W0 ^ q0) + BitOperations.PopCount(candidate.W1 ^ q1)
                + BitOperations.PopCount(candidate.W2 ^ q2) + BitOperations.PopCount(candidate.W3 ^ q3);
            if (distance <= threshold && !SeenInEarlierSlot(candidate, query, slot, radius))
            {
                found.Add((id, distance));
            }
        }
    }

    /// <summary>A candidate is reported from the first slot that reaches it, so no per-query set is needed.</summary>
    private static bool SeenInEarlierSlot(in Hash256 candidate, in Hash256 query, int slot, int radius)
    {
        for (var earlier = 0; earlier < slot; earlier++)
        {
            if (BitOperations.PopCount((uint)(candidate.Slot(earlier) ^ query.Slot(earlier))) <= radius)
            {
                return true;
            }
        }

        return false;
    }
}
