using System.Buffers;
using System.Numerics.Tensors;

namespace Warden.Scoring.Hashing;

/// <summary>
/// PDQ, the 256-bit DCT-based perceptual hash used for industry hash sharing, from its published
/// description: luma, a two-pass tent blur, decimation to 64×64, a 16×16 DCT block, one bit per
/// coefficient above the median. Thread-safe; allocation is per call.
/// </summary>
public static class PdqHasher
{
    private const int Size = 64;
    private const int BlockSize = 16;
    private static readonly float[] Dct = BuildDct();

    public static PdqResult Hash(ReadOnlySpan<byte> encodedImage) => Hash(LumaImage.Decode(encodedImage));

    public static PdqResult Hash(LumaImage image) => Hash(image, dihedral: false);

    /// <param name="dihedral">Also the hashes of the image's rotations and flips (<see cref="PdqDihedral"/>), for banks that match them.</param>
    public static PdqResult Hash(LumaImage image, bool dihedral)
    {
        var buffer64 = Downsample(image);
        var quality = Quality(buffer64);
        var block = DctBlock(buffer64);
        return new PdqResult(HashFromBlock(block), quality) { Dihedral = dihedral ? PdqDihedral.Hashes(block) : null };
    }

    /// <summary>The 16×16 block's bits: 1 where a coefficient is above the block's median.</summary>
    public static Hash256 HashFromBlock(ReadOnlySpan<float> block)
    {
        Span<float> sorted = stackalloc float[BlockSize * BlockSize];
        block.CopyTo(sorted);
        sorted.Sort();
        var median = sorted[(BlockSize * BlockSize / 2) - 1];
        Span<bool> bits = stackalloc bool[BlockSize * BlockSize];
        for (var k = 0; k < bits.Length; k++)
        {
            bits[k] = block[k] > median;
        }

        return Hash256.FromBits(bits);
    }

    /// <summary>Blurred and decimated to 64×64 (an image already 64×64 is used as it is).</summary>
    internal static float[] Downsample(LumaImage image)
    {
        int rows = image.Height, cols = image.Width;
        if (rows == Size && cols == Size)
        {
            return (float[])image.Luma.Clone();
        }

        // Scratch from the pool: two 1 MB buffers per 512×512 image would otherwise be large-object allocations.
        var length = image.Luma.Length;
        var a = ArrayPool<float>.Shared.Rent(length);
        var b = ArrayPool<float>.Shared.Rent(length);
        image.Luma.CopyTo(a, 0);
        int windowAlongRows = (cols + 127) / 128, windowAlongCols = (rows + 127) / 128;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var r = 0; r < rows; r++)
            {
                Box(a, b, r * cols, 1, cols, windowAlongRows);
            }

            BoxColumns(b, a, rows, cols, windowAlongCols);
        }

        var result = new float[Size * Size];
        for (var i = 0; i < Size; i++)
        {
            var sourceRow = (int)((i + 0.5) * rows / Size);
            for (var j = 0; j < Size; j++)
            {
                var sourceCol = (int)((j + 0.5) * cols / Size);
                result[(i * Size) + j] = a[(sourceRow * cols) + sourceCol];
            }
        }

        ArrayPool<float>.Shared.Return(a);
        ArrayPool<float>.Shared.Return(b);
        return result;
    }

    /// <summary>Box filter of full window <paramref name="window"/> along n samples, averaging only the samples inside at the edges.</summary>
    private static void Box(float[] input, float[] output, int start, int stride, int n, int window)
    {
        var half = (window + 2) / 2;
        int add = start, remove = start, write = start, count = 0;
        float sum = 0;
        for (var i = 0; i < half - 1; i++, add += stride, count++)
        {
            sum += input[add];
        }

        for (var i = 0; i < window - half + 1; i++, add += stride, write += stride)
        {
            sum += input[add];
            count++;
            output[write] = sum / count;
        }

        for (var i = 0; i < n - window; i++, add += stride, remove += stride, write += stride)
        {
            sum += input[add] - input[remove];
            output[write] = sum / count;
        }

        for (var i = 0; i < half - 1; i++, remove += stride, write += stride)
        {
            sum -= input[remove];
            count--;
            output[write] = sum / count;
        }
    }

    /// <summary>
    /// The same box filter down every column at once, sweeping whole rows: row-major memory order, so
    /// a large image is not walked column by column (one cache miss per pixel).
    /// </summary>
    private static void BoxColumns(float[] input, float[] output, int rows, int cols, int window)
    {
        var half = (window + 2) / 2;
        var sums = new float[cols];
        int add = 0, remove = 0, write = 0, count = 0;
        void AddRow(int row) => TensorPrimitives.Add(sums, input.AsSpan(row * cols, cols), sums);
        void RemoveRow(int row) => TensorPrimitives.Subtract(sums, input.AsSpan(row * cols, cols), sums);
        void WriteRow(int row, int n) => TensorPrimitives.Divide(sums, n, output.AsSpan(row * cols, cols));

        for (var i = 0; i < half - 1; i++, count++)
        {
            AddRow(add++);
        }

        for (var i = 0; i < window - half + 1; i++)
        {
            AddRow(add++);
            WriteRow(write++, ++count);
        }

        for (var i = 0; i < rows - window; i++)
        {
            AddRow(add++);
            RemoveRow(remove++);
            WriteRow(write++, count);
        }

        for (var i = 0; i < half - 1; i++)
        {
            RemoveRow(remove++);
            WriteRow(write++, --count);
        }
    }

    /// <summary>Gradient energy of the 64×64 buffer, 0 (flat) to 100.</summary>
    internal static int Quality(float[] buffer)
    {
        var gradient = 0;
        for (var i = 0; i < Size - 1; i++)
        {
            for (var j = 0; j < Size; j++)
            {
                gradient += Math.Abs((int)((buffer[(i * Size) + j] - buffer[((i + 1) * Size) + j]) * 100 / 255));
            }
        }

        for (var i = 0; i < Size; i++)
        {
            for (var j = 0; j < Size - 1; j++)
            {
                gradient += Math.Abs((int)((buffer[(i * Size) + j] - buffer[(i * Size) + j + 1]) * 100 / 255));
            }
        }

        return Math.Min(100, gradient / 90);
    }

    /// <summary>B = D · A · Dᵀ: the 16×16 low-frequency block, DC excluded.</summary>
    internal static float[] DctBlock(float[] buffer)
    {
        var left = new float[BlockSize * Size];
        for (var i = 0; i < BlockSize; i++)
        {
            for (var k = 0; k < Size; k++)
            {
                var d = Dct[(i * Size) + k];
                for (var j = 0; j < Size; j++)
                {
                    left[(i * Size) + j] += d * buffer[(k * Size) + j];
                }
            }
        }

        var block = new float[BlockSize * BlockSize];
        for (var i = 0; i < BlockSize; i++)
        {
            for (var j = 0; j < BlockSize; j++)
            {
                float sum = 0;
                for (var k = 0; k < Size; k++)
                {
                    sum += left[(i * Size) + k] * Dct[(j * Size) + k];
                }

                block[(i * BlockSize) + j] = sum;
            }
        }

        return block;
    }

    private static float[] BuildDct()
    {
        var matrix = new float[BlockSize * Size];
        var scale = Math.Sqrt(2.0 / Size);
        for (var i = 0; i < BlockSize; i++)
        {
            for (var j = 0; j < Size; j++)
            {
                matrix[(i * Size) + j] = (float)(scale * Math.Cos(Math.PI / 128 * (i + 1) * ((2 * j) + 1)));
            }
        }

        return matrix;
    }
}
