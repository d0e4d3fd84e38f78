using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rom.Reduction;

/// <summary>
/// s = Σ_q θ_q m_q over Q vectors of one length, stored interleaved in blocks of four entries (m_0[i..i+4),
/// m_1[i..i+4), …, m_{Q−1}[i..i+4), then the next block), so one pass reads one stream and writes s once, instead of
/// Q passes over s. This is the assembly A_N(μ) = Σ_q θ_q(μ) Ã_q of the reduced model's online phase.
/// </summary>
internal sealed class InterleavedAffineSum
{
    private const int Block = 4;
    private readonly double[] _data;

    /// <summary>Interleaves the Q vectors <paramref name="terms"/>, all of length <paramref name="length"/>.</summary>
    public InterleavedAffineSum(IReadOnlyList<double[]> terms, int length)
    {
        Terms = terms.Count;
        Length = length;
        int blocks = (length + Block - 1) / Block;
        _data = new double[blocks * Block * Terms];
        for (int q = 0; q < Terms; q++)
            for (int i = 0; i < length; i++)
                _data[(i / Block * Terms + q) * Block + i % Block] = terms[q][i];
    }

    /// <summary>Number Q of vectors.</summary>
    public int Terms { get; }

    /// <summary>Length of each vector.</summary>
    public int Length { get; }

    /// <summary>Writes Σ_q θ_q m_q into <paramref name="result"/> (length <see cref="Length"/>).</summary>
    public void Evaluate(ReadOnlySpan<double> theta, Span<double> result)
    {
        if (theta.Length != Terms || result.Length != Length)
            throw new ArgumentException($"θ has {theta.Length} entries and the result {result.Length}; expected {Terms} and {Length}.");
        int full = Length / Block, i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double data = ref MemoryMarshal.GetArrayDataReference(_data);
            ref double s = ref MemoryMarshal.GetReference(result);
            Span<Vector256<double>> broadcast = Terms <= 64 ? stackalloc Vector256<double>[Terms] : new Vector256<double>[Terms];
            for (int q = 0; q < Terms; q++) broadcast[q] = Vector256.Create(theta[q]);
            nuint offset = 0;
            for (int b = 0; b < full; b++, i += Block)
            {
                var sum = Vector256<double>.Zero;
                for (int q = 0; q < broadcast.Length; q++, offset += Block)
                    sum = Vector256.MultiplyAddEstimate(broadcast[q], Vector256.LoadUnsafe(ref data, offset), sum);
                sum.StoreUnsafe(ref s, (nuint)i);
            }
        }
        for (; i < Length; i++)
        {
            int block = i / Block * Terms * Block, lane = i % Block;
            double sum = 0;
            for (int q = 0; q < Terms; q++) sum += theta[q] * _data[block + q * Block + lane];
            result[i] = sum;
        }
    }
}
