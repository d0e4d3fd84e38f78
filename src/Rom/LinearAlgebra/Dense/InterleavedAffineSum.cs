using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rom.LinearAlgebra.Dense;

/// <summary>
/// s = Σ_q θ_q m_q over Q vectors of one length, stored interleaved in blocks of sixteen entries (m_0[i..i+16),
/// m_1[i..i+16), …, m_{Q−1}[i..i+16), then the next block), so one pass reads one stream and writes s once, instead of
/// Q passes over s. Four independent registers per block keep the multiply-adds of one block from waiting on each
/// other. This is the assembly A_N(μ) = Σ_q θ_q(μ) Ã_q of the reduced model's online phase.
/// </summary>
/// <param name="terms">The Q vectors to interleave.</param>
/// <param name="length">The length of each vector.</param>
internal sealed class InterleavedAffineSum(IReadOnlyList<double[]> terms, int length)
{
    private const int Block = 16;
    private readonly AlignedArray<double> _data = Interleave(terms, length);

    /// <summary>Number Q of vectors.</summary>
    public int Terms { get; } = terms.Count;

    /// <summary>Length of each vector.</summary>
    public int Length { get; } = length;

    /// <summary>Writes Σ_q θ_q m_q into <paramref name="result"/> (length <see cref="Length"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Evaluate(ReadOnlySpan<double> theta, Span<double> result)
    {
        if (theta.Length != Terms || result.Length != Length)
            throw new ArgumentException($"θ has {theta.Length} entries and the result {result.Length}; expected {Terms} and {Length}.");
        int full = Length / Block, i = 0;
        var stored = _data.Span;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double data = ref MemoryMarshal.GetReference(stored);
            ref double s = ref MemoryMarshal.GetReference(result);
            Span<Vector256<double>> broadcast = Terms <= 64 ? stackalloc Vector256<double>[Terms] : new Vector256<double>[Terms];
            for (int q = 0; q < Terms; q++) broadcast[q] = Vector256.Create(theta[q]);
            nuint offset = 0;
            for (int b = 0; b < full; b++, i += Block)
            {
                var s0 = Vector256<double>.Zero;
                var (s1, s2, s3) = (s0, s0, s0);
                for (int q = 0; q < broadcast.Length; q++, offset += Block)
                {
                    var c = broadcast[q];
                    s0 = Vector256.MultiplyAddEstimate(c, Vector256.LoadUnsafe(ref data, offset), s0);
                    s1 = Vector256.MultiplyAddEstimate(c, Vector256.LoadUnsafe(ref data, offset + 4), s1);
                    s2 = Vector256.MultiplyAddEstimate(c, Vector256.LoadUnsafe(ref data, offset + 8), s2);
                    s3 = Vector256.MultiplyAddEstimate(c, Vector256.LoadUnsafe(ref data, offset + 12), s3);
                }
                s0.StoreUnsafe(ref s, (nuint)i);
                s1.StoreUnsafe(ref s, (nuint)i + 4);
                s2.StoreUnsafe(ref s, (nuint)i + 8);
                s3.StoreUnsafe(ref s, (nuint)i + 12);
            }
        }
        for (; i < Length; i++)
        {
            int block = i / Block * Terms * Block, lane = i % Block;
            double sum = 0;
            for (int q = 0; q < Terms; q++) sum += theta[q] * stored[block + q * Block + lane];
            result[i] = sum;
        }
    }

    // The Q vectors in blocks of Block entries: m_0[i..i+Block), m_1[i..i+Block), …, then the next block.
    private static AlignedArray<double> Interleave(IReadOnlyList<double[]> terms, int length)
    {
        int blocks = (length + Block - 1) / Block;
        var interleaved = new AlignedArray<double>(blocks * Block * terms.Count);
        var data = interleaved.Span;
        for (int q = 0; q < terms.Count; q++)
            for (int i = 0; i < length; i++)
                data[(i / Block * terms.Count + q) * Block + i % Block] = terms[q][i];
        return interleaved;
    }
}
