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
            ComplexProduct(a, m, n, p, inRe, inIm, outRe, outIm);
            return;
        }
        T[] re = new T[p * q * n], im = new T[p * q * n], resultRe = new T[p * q * m], resultIm = new T[p * q * m];
        SwapLastTwo(inRe, re, p, n, q);
        SwapLastTwo(inIm, im, p, n, q);
        ComplexProduct(a, m, n, p * q, re, im, resultRe, resultIm);
        SwapLastTwo<T>(resultRe, outRe, p, q, m);
        SwapLastTwo<T>(resultIm, outIm, p, q, m);
    }

    /// <summary>(rows × N) input times Aᵀ (A is M × N): out = in Aᵀ, complex.</summary>
    private static void ComplexProduct<T>(DftMatrices<T>.Complex a, int m, int n, int rows, ReadOnlySpan<T> inRe, ReadOnlySpan<T> inIm,
        Span<T> outRe, Span<T> outIm) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Gemm.Product(false, true, rows, m, n, inRe, a.Re, outRe);
        Gemm.Product(false, true, rows, m, n, inIm, a.Im, outRe, accumulate: true, alpha: -T.One);
        Gemm.Product(false, true, rows, m, n, inRe, a.Im, outIm);
        Gemm.Product(false, true, rows, m, n, inIm, a.Re, outIm, accumulate: true);
    }

    /// <summary>destination[p, c, b] = source[p, b, c] for source of shape (P, B, C).</summary>
    public static void SwapLastTwo<T>(ReadOnlySpan<T> source, Span<T> destination, int p, int b, int c)
    {
        for (int i = 0; i < p; i++)
        {
            ReadOnlySpan<T> s = source.Slice(i * b * c, b * c);
            Span<T> d = destination.Slice(i * b * c, b * c);
            for (int j = 0; j < b; j++)
                for (int k = 0; k < c; k++)
                    d[k * b + j] = s[j * c + k];
        }
    }
}
