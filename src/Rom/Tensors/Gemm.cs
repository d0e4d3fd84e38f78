using System.Numerics;
using System.Runtime.InteropServices;
using Rom.LinearAlgebra.Dense;

namespace Rom.Tensors;

/// <summary>
/// Row-major GEMM for the tensor core on the process's dense backend (<see cref="DenseProviders.Default"/>):
/// C (m × n) ← α op(A) op(B) + β C, each matrix stored row by row with the given leading dimension. A row-major
/// product is the column-major product of the transposes, Cᵀ = op(B)ᵀ op(A)ᵀ, so the call swaps the operands.
/// </summary>
internal static class Gemm
{
    public static void RowMajor<T>(bool transA, bool transB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m == 0 || n == 0)
            return;
        Transpose tb = transB ? Transpose.Transposed : Transpose.None, ta = transA ? Transpose.Transposed : Transpose.None;
        IDenseProvider dense = DenseProviders.Default;
        if (typeof(T) == typeof(float))
            dense.Gemm(tb, ta, n, m, k, float.CreateTruncating(alpha), MemoryMarshal.Cast<T, float>(b), ldb,
                MemoryMarshal.Cast<T, float>(a), lda, float.CreateTruncating(beta), MemoryMarshal.Cast<T, float>(c), ldc);
        else if (typeof(T) == typeof(double))
            dense.Gemm(tb, ta, n, m, k, double.CreateTruncating(alpha), MemoryMarshal.Cast<T, double>(b), ldb,
                MemoryMarshal.Cast<T, double>(a), lda, double.CreateTruncating(beta), MemoryMarshal.Cast<T, double>(c), ldc);
        else
            throw new NotSupportedException($"tensors of {typeof(T).Name} have no GEMM; use float or double.");
    }

    /// <summary>Plain C = op(A) op(B) (+ C when <paramref name="accumulate"/>) with dense leading dimensions.</summary>
    public static void Product<T>(bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate = false, T? alpha = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        RowMajor(transA, transB, m, n, k, alpha ?? T.One, a, transA ? m : k, b, transB ? k : n,
            accumulate ? T.One : T.Zero, c, n);

    /// <summary>
    /// Complex C = op(A) op(B) (+ C when <paramref name="accumulate"/>) on planar operands (real and imaginary parts as
    /// separate spans), op transposing and/or conjugating; four real products:
    /// <code>
    /// A = Ar + i·sa·Ai,  B = Br + i·sb·Bi      (s = −1 where conjugated)
    /// Cr (+)= Ar Br − sa·sb·Ai Bi
    /// Ci (+)= sb·Ar Bi + sa·Ai Br
    /// </code>
    /// </summary>
    public static void ComplexProduct<T>(bool transA, bool conjA, bool transB, bool conjB, int m, int n, int k,
        ReadOnlySpan<T> aRe, ReadOnlySpan<T> aIm, ReadOnlySpan<T> bRe, ReadOnlySpan<T> bIm, Span<T> cRe, Span<T> cIm,
        bool accumulate = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T sa = conjA ? -T.One : T.One, sb = conjB ? -T.One : T.One;
        Product(transA, transB, m, n, k, aRe, bRe, cRe, accumulate);
        Product(transA, transB, m, n, k, aIm, bIm, cRe, accumulate: true, alpha: -sa * sb);
        Product(transA, transB, m, n, k, aRe, bIm, cIm, accumulate, alpha: sb);
        Product(transA, transB, m, n, k, aIm, bRe, cIm, accumulate: true, alpha: sa);
    }
}
