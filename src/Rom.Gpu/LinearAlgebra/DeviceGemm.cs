using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using Rom.LinearAlgebra.Dense;

namespace Rom.Gpu.LinearAlgebra;

/// <summary>
/// One BLAS-style GEMM on the device for <see cref="GpuDenseProvider"/>: copies the parts of A, B and C that the call
/// reads into one device buffer (kept between calls, grown when a call needs more), runs <see cref="TiledGemm{T}"/>
/// and copies C back. Not thread-safe: the provider serialises calls.
/// </summary>
/// <typeparam name="T">The element type, <see cref="double"/> or <see cref="float"/>.</typeparam>
internal sealed class DeviceGemm<T> : IDisposable where T : unmanaged, INumber<T>
{
    private readonly GpuContext gpu;
    private readonly TiledGemm<T> gemm;
    private MemoryBuffer1D<T, Stride1D.Dense>? buffer;

    public DeviceGemm(GpuContext gpu)
    {
        this.gpu = gpu;
        gemm = new TiledGemm<T>(gpu);
    }

    /// <summary>C ← α op(A) op(B) + β C, column-major, on arguments that <see cref="DenseChecks.Gemm"/> accepted.</summary>
    public void Multiply(Transpose transA, Transpose transB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
    {
        if (m == 0 || n == 0)
            return;
        // With α = 0 or k = 0 the product vanishes: A and B are neither copied nor read, and C ← β C.
        int depth = alpha == T.Zero ? 0 : k;
        bool aT = transA == Transpose.Transposed, bT = transB == Transpose.Transposed;
        int aLength = depth == 0 ? 0 : aT ? Extent(lda, depth, m) : Extent(lda, m, depth);
        int bLength = depth == 0 ? 0 : bT ? Extent(ldb, n, depth) : Extent(ldb, depth, n);
        int cLength = Extent(ldc, m, n);
        var all = Reserve((long)aLength + bLength + cLength);
        var aView = all.SubView(0, aLength);
        var bView = all.SubView(aLength, bLength);
        var cView = all.SubView((long)aLength + bLength, cLength);
        if (depth > 0)
        {
            aView.CopyFromCPU(a[..aLength]);
            bView.CopyFromCPU(b[..bLength]);
        }
        // C goes up when the kernel reads it (β ≠ 0) or when rows lie between its columns (ldc > m), which must come back unchanged.
        if (beta != T.Zero || ldc > m)
            cView.CopyFromCPU(c[..cLength]);

        // The kernel computes Cᵀ = op(B)ᵀ op(A)ᵀ, so neighbouring threads walk down C's columns (and A's, B's when
        // not transposed) and their memory accesses coalesce. Element (j, q) of op(B)ᵀ is op(B)[q, j], element
        // (q, i) of op(A)ᵀ is op(A)[i, q], and element (j, i) of Cᵀ is c[i + j·ldc].
        var layout = new GemmLayout(1, n, m, depth,
            0, bT ? 1 : ldb, bT ? ldb : 1,
            0, aT ? 1 : lda, aT ? lda : 1,
            0, ldc, 1);
        gemm.Launch(bView, aView, cView, layout, depth == 0 ? T.Zero : alpha, beta);
        gpu.Accelerator.Synchronize();
        cView.CopyToCPU(c[..cLength]);
    }

    /// <inheritdoc />
    public void Dispose() => buffer?.Dispose();

    /// <summary>Values spanned by a column-major rows × cols matrix (both positive) with leading dimension ld.</summary>
    private static int Extent(int ld, int rows, int cols) => (int)((long)ld * (cols - 1) + rows);

    private ArrayView<T> Reserve(long length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer?.Dispose();
            buffer = gpu.Accelerator.Allocate1D<T>(length);
        }
        return buffer.AsContiguous();
    }
}
