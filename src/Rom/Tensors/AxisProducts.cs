using System.Runtime.CompilerServices;
using System.Numerics;

namespace Rom.Tensors;

/// <summary>
/// Complex matrices applied along one axis of a planar complex array seen as (P, N, Q): out[p, m, q] =
/// Σ_n A[m, n] in[p, n, q]. The axis is moved last by a transpose (unless Q = 1), so the whole product is one GEMM of
/// (P·Q × N)(N × M) per real/imaginary pair instead of P small ones.
/// </summary>
internal static class AxisProducts
{
    public static void Apply<T>(DftMatrices<T>.Complex a, int m, ReadOnlySpan<T> inRe, ReadOnlySpan<T> inIm,
        int p, int n, int q, Span<T> outRe, Span<T> outIm) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (q == 1)
        {
            TimesTranspose(a, m, n, p, inRe, inIm, outRe, outIm);
            return;
        }
        T[] re = TensorScope.Scratch<T>(p * q * n), im = TensorScope.Scratch<T>(p * q * n);
        T[] resultRe = TensorScope.Scratch<T>(p * q * m), resultIm = TensorScope.Scratch<T>(p * q * m);
        SwapLastTwo(inRe, re, p, n, q);
        SwapLastTwo(inIm, im, p, n, q);
        TimesTranspose(a, m, n, p * q, re, im, resultRe, resultIm);
        SwapLastTwo<T>(resultRe, outRe, p, q, m);
        SwapLastTwo<T>(resultIm, outIm, p, q, m);
    }

    /// <summary>(rows × N) input times Aᵀ (A is M × N): out = in Aᵀ, complex.</summary>
    private static void TimesTranspose<T>(DftMatrices<T>.Complex a, int m, int n, int rows, ReadOnlySpan<T> inRe, ReadOnlySpan<T> inIm,
        Span<T> outRe, Span<T> outIm) where T : unmanaged, IFloatingPointIeee754<T> =>
        Gemm.ComplexProduct(false, false, true, false, rows, m, n, inRe, inIm, a.Re, a.Im, outRe, outIm);

    /// <summary>
    /// destination[p, c, b] = source[p, b, c] for source of shape (P, B, C), in tiles of <see cref="Tile"/>² entries so
    /// that both sides stay in cache when B and C are large.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SwapLastTwo<T>(ReadOnlySpan<T> source, Span<T> destination, int p, int b, int c)
    {
        for (int i = 0; i < p; i++)
        {
            ReadOnlySpan<T> s = source.Slice(i * b * c, b * c);
            Span<T> d = destination.Slice(i * b * c, b * c);
            for (int j0 = 0; j0 < b; j0 += Tile)
                for (int k0 = 0; k0 < c; k0 += Tile)
                {
                    int j1 = Math.Min(j0 + Tile, b), k1 = Math.Min(k0 + Tile, c);
                    for (int j = j0; j < j1; j++)
                        for (int k = k0; k < k1; k++)
                            d[k * b + j] = s[j * c + k];
                }
        }
    }

    /// <summary>The side of the square tiles <see cref="SwapLastTwo{T}"/> moves at a time.</summary>
    private const int Tile = 32;
}
