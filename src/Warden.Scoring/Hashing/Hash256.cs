using System.Globalization;
using System.Numerics;

namespace Warden.Scoring.Hashing;

/// <summary>
/// A 256-bit perceptual hash as four 64-bit words, compared by Hamming distance. Bit k of the PDQ
/// hash is bit k % 64 of word k / 64. The text form is PDQ's: 16-bit words 15 down to 0, 4 hex digits each.
/// </summary>
public readonly record struct Hash256(ulong W0, ulong W1, ulong W2, ulong W3)
{
    public int DistanceTo(Hash256 other) =>
        BitOperations.PopCount(W0 ^ other.W0) + BitOperations.PopCount(W1 ^ other.W1)
        + BitOperations.PopCount(W2 ^ other.W2) + BitOperations.PopCount(W3 ^ other.W3);

    /// <summary>Bits 16·slot … 16·slot+15: the slot's 16-bit word.</summary>
    public ushort Slot(int slot) => (ushort)(Word(slot / 4) >> (16 * (slot % 4)));

    public bool Bit(int k) => ((Word(k / 64) >> (k % 64)) & 1) != 0;

    public ulong Word(int index) => index switch
    {
        0 => W0,
        1 => W1,
        2 => W2,
        3 => W3,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public static Hash256 FromBits(ReadOnlySpan<bool> bits)
    {
        Span<ulong> words = stackalloc ulong[4];
        for (var k = 0; k < 256; k++)
        {
            if (bits[k])
            {
                words[k / 64] |= 1UL << (k % 64);
            }
        }

        return new Hash256(words[0], words[1], words[2], words[3]);
    }

    public override string ToString()
    {
        return string.Create(64, this, (chars, hash) =>
        {
            for (var slot = 15; slot >= 0; slot--)
            {
                hash.Slot(slot).TryFormat(chars[((15 - slot) * 4)..], out _, "x4", CultureInfo.InvariantCulture);
            }
        });
    }

    /// <summary>Parses 64 hex digits in PDQ's order; false for anything else.</summary>
    public static bool TryParse(string? text, out Hash256 hash)
    {
        hash = default;
        if (text is null || text.Length != 64)
        {
            return false;
        }

        Span<ulong> words = stackalloc ulong[4];
        for (var slot = 15; slot >= 0; slot--)
        {
            if (!ushort.TryParse(text.AsSpan((15 - slot) * 4, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            words[slot / 4] |= (ulong)value << (16 * (slot % 4));
        }

        hash = new Hash256(words[0], words[1], words[2], words[3]);
        return true;
    }

    public static Hash256 Parse(string text) =>
        TryParse(text, out var hash) ? hash : throw new FormatException("a PDQ hash is 64 hexadecimal digits");
}
