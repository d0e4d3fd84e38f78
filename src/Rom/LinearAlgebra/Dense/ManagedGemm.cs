using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Rom.LinearAlgebra.Dense;

/// <summary>
/// C ← α op(A) op(B) + β C in managed code, blocked for the caches and multi-threaded, after K. Goto and
/// R. van de Geijn, "Anatomy of high-performance matrix multiplication", ACM TOMS 34(3), 2008: for each block of
/// <see cref="Kc"/> inner indices, op(A) is packed into row panels of <see cref="Mr"/> rows and op(B) into column
/// panels of <see cref="Nr"/> columns; a register-blocked micro-kernel then adds each Mr × Nr block of the product
/// to C. Threads take disjoint column ranges of C, so no two write the same entry.
/// <para>
/// One implementation serves every IEEE element type (<see cref="double"/> for Rom's solvers, <see cref="float"/>
/// for training): the micro-kernel works on <see cref="Vector{T}"/>, so Mr is two vectors of whichever width.
/// </para>
/// </summary>
/// <typeparam name="T">The element type, <see cref="double"/> or <see cref="float"/>.</typeparam>
internal static unsafe class ManagedGemm<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rows of the micro-kernel: two SIMD vectors.</summary>
    private static readonly int Mr = 2 * Vector<T>.Count;

    /// <summary>Columns of the micro-kernel: 2 × 6 vector accumulators fit the 16 AVX2 registers with room for operands.</summary>
    private const int Nr = 6;

    /// <summary>Inner-dimension block: an Mr × Kc panel of A and an Nr × Kc panel of B stay in L1/L2.</summary>
    private const int Kc = 256;

    /// <summary>Columns of C per task (a multiple of Nr): its packed B block, Kc × Nc, stays in L2.</summary>
    private const int Nc = 96;

    /// <summary>Below this many multiply-adds, starting threads costs more than it saves.</summary>
    private const long SerialWork = 1L << 18;

    public static void Multiply(Transpose transA, Transpose transB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
    {
        if (m == 0 || n == 0)
            return;
        ScaleC(beta, m, n, c, ldc);
        if (alpha == T.Zero || k == 0)
            return;

        int panels = (m + Mr - 1) / Mr, tasks = (n + Nc - 1) / Nc;
        int aPackLength = panels * Mr * Math.Min(k, Kc), bPackLength = Math.Min(Nc, (n + Nr - 1) / Nr * Nr) * Math.Min(k, Kc);
        bool serial = tasks == 1 || (long)m * n * k < SerialWork;
        T[] aPack = ArrayPool<T>.Shared.Rent(aPackLength);
        T[]? bShared = serial ? ArrayPool<T>.Shared.Rent(bPackLength) : null;
        bool aT = transA == Transpose.Transposed, bT = transB == Transpose.Transposed;
        try
        {
            // The spans are pinned for the whole call, so the worker threads may address them through pointers.
            fixed (T* pa = a, pb = b, pc = c)
            {
                nint bAddress = (nint)pb, cAddress = (nint)pc;
                for (int p0 = 0; p0 < k; p0 += Kc)
                {
                    int kc = Math.Min(Kc, k - p0);
                    PackA(pa, lda, aT, m, p0, kc, aPack);
                    if (bShared is not null)
                    {
                        for (int t = 0; t < tasks; t++)
                            ColumnBlock(t, m, n, kc, p0, alpha, aPack, bAddress, ldb, bT, cAddress, ldc, bShared);
                        continue;
                    }
                    Parallel.For(0, tasks, () => ArrayPool<T>.Shared.Rent(bPackLength), (t, _, bPack) =>
                    {
                        ColumnBlock(t, m, n, kc, p0, alpha, aPack, bAddress, ldb, bT, cAddress, ldc, bPack);
                        return bPack;
                    }, bPack => ArrayPool<T>.Shared.Return(bPack));
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(aPack);
            if (bShared is not null)
                ArrayPool<T>.Shared.Return(bShared);
        }
    }

    /// <summary>Task t: packs op(B)'s columns t·Nc … and adds their products with every packed panel of A into C.</summary>
    private static void ColumnBlock(int t, int m, int n, int kc, int p0, T alpha, T[] aPack,
        nint bAddress, int ldb, bool bT, nint cAddress, int ldc, T[] bPack)
    {
        int j0 = t * Nc, nc = Math.Min(Nc, n - j0);
        PackB((T*)bAddress, ldb, bT, p0, kc, j0, nc, bPack);
        fixed (T* ap = aPack, bp = bPack)
        {
            T* cBlock = (T*)cAddress + (long)j0 * ldc;
            for (int jp = 0; jp < nc; jp += Nr)
                for (int ip = 0; ip < m; ip += Mr)
                    MicroKernel(kc, alpha, ap + (long)ip * kc, bp + (long)jp * kc,
                        cBlock + ip + (long)jp * ldc, ldc, Math.Min(Mr, m - ip), Math.Min(Nr, nc - jp));
        }
    }

    /// <summary>C ← β C; with β = 0 the old values are overwritten, never multiplied (0 · NaN would stay NaN).</summary>
    private static void ScaleC(T beta, int m, int n, Span<T> c, int ldc)
    {
        if (beta == T.One)
            return;
        for (int j = 0; j < n; j++)
        {
            var column = c.Slice(j * ldc, m);
            if (beta == T.Zero)
                column.Clear();
            else
                foreach (ref T v in column)
                    v *= beta;
        }
    }

    /// <summary>Packs op(A)[0:m, p0:p0+kc] into panels of Mr rows: panel r holds, for each p, its Mr entries together (zero-padded).</summary>
    private static void PackA(T* a, int lda, bool transposed, int m, int p0, int kc, T[] pack)
    {
        int mr = Mr;
        for (int i0 = 0; i0 < m; i0 += mr)
        {
            int rows = Math.Min(mr, m - i0);
            int panel = i0 * kc;
            for (int p = 0; p < kc; p++)
            {
                int at = panel + p * mr;
                for (int r = 0; r < rows; r++)
                    pack[at + r] = transposed ? a[(p0 + p) + (long)(i0 + r) * lda] : a[(i0 + r) + (long)(p0 + p) * lda];
                for (int r = rows; r < mr; r++)
                    pack[at + r] = T.Zero;
            }
        }
    }

    /// <summary>Packs op(B)[p0:p0+kc, j0:j0+nc] into panels of Nr columns: panel s holds, for each p, its Nr entries together (zero-padded).</summary>
    private static void PackB(T* b, int ldb, bool transposed, int p0, int kc, int j0, int nc, T[] pack)
    {
        for (int jj = 0; jj < nc; jj += Nr)
        {
            int cols = Math.Min(Nr, nc - jj);
            int panel = jj * kc;
            for (int p = 0; p < kc; p++)
            {
                int at = panel + p * Nr;
                for (int s = 0; s < cols; s++)
                {
                    int j = j0 + jj + s;
                    pack[at + s] = transposed ? b[j + (long)(p0 + p) * ldb] : b[(p0 + p) + (long)j * ldb];
                }
                for (int s = cols; s < Nr; s++)
                    pack[at + s] = T.Zero;
            }
        }
    }

    /// <summary>
    /// C[0:rows, 0:cols] += α Σ_p a_p b_pᵀ over one packed Mr-row panel of A and Nr-column panel of B, with the
    /// Mr × Nr block of sums in twelve vector registers for the whole inner loop.
    /// </summary>
    private static void MicroKernel(int kc, T alpha, T* a, T* b, T* c, int ldc, int rows, int cols)
    {
        int w = Vector<T>.Count;
        Vector<T> c00 = default, c01 = default, c02 = default, c03 = default, c04 = default, c05 = default;
        Vector<T> c10 = default, c11 = default, c12 = default, c13 = default, c14 = default, c15 = default;
        for (int p = 0; p < kc; p++)
        {
            var a0 = Vector.Load(a);
            var a1 = Vector.Load(a + w);
            var b0 = new Vector<T>(b[0]);
            c00 = MultiplyAdd(a0, b0, c00);
            c10 = MultiplyAdd(a1, b0, c10);
            var b1 = new Vector<T>(b[1]);
            c01 = MultiplyAdd(a0, b1, c01);
            c11 = MultiplyAdd(a1, b1, c11);
            var b2 = new Vector<T>(b[2]);
            c02 = MultiplyAdd(a0, b2, c02);
            c12 = MultiplyAdd(a1, b2, c12);
            var b3 = new Vector<T>(b[3]);
            c03 = MultiplyAdd(a0, b3, c03);
            c13 = MultiplyAdd(a1, b3, c13);
            var b4 = new Vector<T>(b[4]);
            c04 = MultiplyAdd(a0, b4, c04);
            c14 = MultiplyAdd(a1, b4, c14);
            var b5 = new Vector<T>(b[5]);
            c05 = MultiplyAdd(a0, b5, c05);
            c15 = MultiplyAdd(a1, b5, c15);
            a += 2 * w;
            b += Nr;
        }
        var scale = new Vector<T>(alpha);
        if (rows == 2 * w && cols == Nr)
        {
            Add(c, scale * c00, scale * c10);
            Add(c + ldc, scale * c01, scale * c11);
            Add(c + 2 * ldc, scale * c02, scale * c12);
            Add(c + 3 * ldc, scale * c03, scale * c13);
            Add(c + 4 * ldc, scale * c04, scale * c14);
            Add(c + 5 * ldc, scale * c05, scale * c15);
            return;
        }
        // An edge block: spill the sums and add only the entries that exist.
        T* block = stackalloc T[2 * w * Nr];
        ReadOnlySpan<Vector<T>> sums = [c00, c10, c01, c11, c02, c12, c03, c13, c04, c14, c05, c15];
        for (int v = 0; v < sums.Length; v++)
            Vector.Store(sums[v], block + v * w);
        for (int s = 0; s < cols; s++)
            for (int r = 0; r < rows; r++)
                c[r + (long)s * ldc] += alpha * block[r + s * 2 * w];
    }

    private static void Add(T* column, Vector<T> top, Vector<T> bottom)
    {
        Vector.Store(Vector.Load(column) + top, column);
        Vector.Store(Vector.Load(column + Vector<T>.Count) + bottom, column + Vector<T>.Count);
    }

    /// <summary>
    /// a·b + c lane by lane: fused (one rounding) for <see cref="double"/> and <see cref="float"/>, a product then a
    /// sum for any other type. The type tests are constants per instantiation, so the JIT keeps a single branch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> MultiplyAdd(Vector<T> a, Vector<T> b, Vector<T> c)
    {
        if (typeof(T) == typeof(double))
            return Vector.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        if (typeof(T) == typeof(float))
            return Vector.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        return a * b + c;
    }
}
