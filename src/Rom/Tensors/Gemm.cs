using System.Numerics;
using System.Runtime.InteropServices;
using Rom.LinearAlgebra.Dense;

namespace Rom.Tensors;

/// <summary>
/// Row-major GEMM for the tensor core on the process's dense backend (<see cref="DenseProviders.Default"/>):
/// C (m × n) ← α op(A) op(B) + β C, each matrix stored row by row with the given leading dimension. A row-major
/// product is the column-major product of the transposes, Cᵀ = op(B)ᵀ op(A)ᵀ, so the call swaps the operands.
/// <para>
/// The tensor core does its own threading: a large product is split into row blocks of C, one per core, and batched
/// products go sample by sample on different cores. OpenBLAS is therefore told to run single-threaded in a process
/// that uses the core: its spinning workers and .NET's would otherwise fight over the same cores (measured: a channel
/// MLP over a 32 × 32 × 64² batch took 290 ms with both pools, 44 ms with one).
/// </para>
/// </summary>
internal static unsafe class Gemm
{
    /// <summary>Multiply-adds below which a product stays on one thread.</summary>
    private const long SerialWork = 1L << 20;

    static Gemm()
    {
        if (DenseProviders.Default is OpenBlasProvider openBlas)
            openBlas.SetThreadCount(1);
    }

    /// <summary>C ← α op(A) op(B) + β C (row-major), split into row blocks of C among the cores when large.</summary>
    public static void RowMajor<T>(bool transA, bool transB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m == 0 || n == 0)
            return;
        int blocks = (int)Math.Min(Math.Min(TensorThreads.Count, m), Math.Max(1, (long)m * n * k / SerialWork));
        if (blocks <= 1)
        {
            Serial(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }
        fixed (T* pa = a, pb = b, pc = c)
        {
            nint aAddress = (nint)pa, bAddress = (nint)pb, cAddress = (nint)pc;
            int aLength = a.Length, bLength = b.Length, cLength = c.Length;
            Parallel.For(0, blocks, block =>
            {
                int first = (int)((long)m * block / blocks), rows = (int)((long)m * (block + 1) / blocks) - first;
                // Row block of op(A): rows of A, or columns of a transposed A (an offset along its rows).
                int aOffset = transA ? first : first * lda;
                var aBlock = new ReadOnlySpan<T>((T*)aAddress + aOffset, aLength - aOffset);
                var cBlock = new Span<T>((T*)cAddress + first * ldc, cLength - first * ldc);
                Serial(transA, transB, rows, n, k, alpha, aBlock, lda, new ReadOnlySpan<T>((T*)bAddress, bLength), ldb, beta, cBlock, ldc);
            });
        }
    }

    /// <summary>Plain C = α op(A) op(B) (+ C when <paramref name="accumulate"/>) with dense leading dimensions.</summary>
    public static void Product<T>(bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate = false, T? alpha = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        RowMajor(transA, transB, m, n, k, alpha ?? T.One, a, transA ? m : k, b, transB ? k : n,
            accumulate ? T.One : T.Zero, c, n);

    /// <summary>The same product (times α, 1 by default) on the calling thread (batched callers run these on several cores at once).</summary>
    public static void SerialProduct<T>(bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate = false, T? alpha = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Serial(transA, transB, m, n, k, alpha ?? T.One, a, transA ? m : k, b, transB ? k : n, accumulate ? T.One : T.Zero, c, n);

    private static void Serial<T>(bool transA, bool transB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
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
