using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Rom.LinearAlgebra.Dense;

/// <summary>
/// In-place Cholesky A = L Lᵀ of a small dense SPD matrix stored as its packed lower triangle by columns (column j
/// holds A[j..N−1, j] from offset <see cref="ColumnOffset"/>), in double or single precision: the reduced model's
/// online kernel (<see cref="RefinedCholesky"/>). A symmetric matrix's lower triangle by columns is its upper triangle
/// by rows, so the affine assembly writes this layout directly.
/// <para>
/// The factorisation is left-looking by columns (the "jki" form, Golub &amp; Van Loan, Matrix Computations, 4th ed.,
/// §4.2.5), two columns at a time: with the columns left of j known, t_i = Σ_k&lt;j L_ik L_jk and
/// t'_i = Σ_k&lt;j L_ik L_j+1,k for every row i ≥ j, then l_jj = (a_jj − t_j)^½, l_ij = (a_ij − t_i)/l_jj, and
/// l_i,j+1 = (a_i,j+1 − t'_i − l_ij l_j+1,j)/l_j+1,j+1. The sums run down the columns k, which are contiguous, so
/// registers hold consecutive rows of t and t' and every step k is two broadcasts, four loads and eight
/// multiply-adds, with no horizontal reduction of a register (the cost that dominated the dot-product form at N ≈ 100).
/// Rows past N in a block's last register are computed and dropped; their loads run past the triangle, so the storage
/// carries <see cref="Slack"/> extra entries.
/// </para>
/// </summary>
internal static class DenseCholesky
{
    /// <summary>Entries past the packed triangle that the kernels may read (and never write): one register of floats.</summary>
    public const int Slack = 8;

    /// <summary>Length N(N+1)/2 of a packed lower triangle.</summary>
    public static int PackedLength(int n) => n * (n + 1) / 2;

    /// <summary>Length of the storage the kernels need: the packed triangle and <see cref="Slack"/>.</summary>
    public static int StorageLength(int n) => PackedLength(n) + Slack;

    /// <summary>Offset of column j (its diagonal entry) in the packed lower triangle by columns of an N × N matrix.</summary>
    public static int ColumnOffset(int n, int j) => j * n - j * (j - 1) / 2;

    /// <summary>Overwrites the packed lower triangle (by columns) of the N × N matrix a with L; throws when a is not numerically SPD.</summary>
    public static void Factor<T>(Span<T> a, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int failed = TryFactor(a, n, out T pivot);
        if (failed >= 0)
            throw new InvalidOperationException($"The reduced matrix is not positive definite (pivot {failed} is {pivot:G3}); the basis or the parameter breaks coercivity.");
    }

    /// <summary>
    /// Overwrites the packed lower triangle (by columns) of a with L and returns −1, or returns the index of the first
    /// pivot a_jj − Σ_k L_jk² that is not positive (its value in <paramref name="pivot"/>; a is then partly overwritten).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe int TryFactor<T>(Span<T> a, int n, out T pivot) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Length < StorageLength(n))
            throw new ArgumentException($"The packed matrix has {a.Length} entries; N = {n} needs {StorageLength(n)} (the triangle and {Slack} of slack).", nameof(a));
        pivot = T.Zero;
        int width = Vector256<T>.Count;
        Span<T> scratch = stackalloc T[2 * (n + 4 * width)];
        fixed (T* p = a, t = scratch)
        {
            T* u = t + n + 4 * width;
            int j = 0;
            for (; j + 2 <= n; j += 2)
            {
                ColumnSums(p, n, j, t, u);
                T* c0 = p + ColumnOffset(n, j), c1 = c0 + n - j;
                Subtract(c0, t + j, n - j);
                if (!Pivot(c0, ref pivot)) return j;
                Scale(T.One / c0[0], c0 + 1, n - j - 1);
                // Column j + 1 from row j + 1: minus the sums and minus l_i,j l_j+1,j (column j is now known).
                Subtract(c1, u + j + 1, n - j - 1);
                Axpy(-c0[1], c0 + 1, c1, n - j - 1);
                if (!Pivot(c1, ref pivot)) return j + 1;
                Scale(T.One / c1[0], c1 + 1, n - j - 2);
            }
            if (j < n)
            {
                T* last = p + ColumnOffset(n, j);
                for (int k = 0; k < j; k++)
                {
                    T l = p[ColumnOffset(n, k) + j - k];
                    last[0] -= l * l;
                }
                if (!Pivot(last, ref pivot)) return j;
            }
        }
        return -1;
    }

    /// <summary>
    /// Overwrites b with (L Lᵀ)⁻¹ b, given the packed factor (by columns) from <see cref="Factor{T}"/>: forward then
    /// backward substitution, four columns at a time (the 4 × 4 diagonal block by scalars, the rest in one pass over the
    /// rows below it), so the chain of dependent divisions and stores runs a quarter as often as column by column.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Solve<T>(ReadOnlySpan<T> l, int n, Span<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (l.Length < PackedLength(n) || b.Length < n)
            throw new ArgumentException($"N = {n} needs a packed factor of {PackedLength(n)} and a vector of {n} entries; got {l.Length} and {b.Length}.");
        const int Panel = 4;
        var c = stackalloc T*[Panel];
        Span<T> inverse = n <= 1024 ? stackalloc T[n] : new T[n];
        fixed (T* p = l, x = b)
        {
            // The reciprocal pivots up front (independent divisions overlap); the sweeps' chains then only multiply.
            for (int j = 0; j < n; j++) inverse[j] = T.One / p[ColumnOffset(n, j)];
            // L y = b: solve the block's triangle, then x[end..] −= Σ_c x_c L[end.., c].
            for (int j0 = 0; j0 < n; j0 += Panel)
            {
                int end = Math.Min(j0 + Panel, n);
                for (int j = j0; j < end; j++)
                {
                    c[j - j0] = p + ColumnOffset(n, j);
                    T xj = x[j] *= inverse[j];
                    for (int i = j + 1; i < end; i++) x[i] -= c[j - j0][i - j] * xj;
                }
                if (end - j0 == Panel)
                    Update4(x + end, n - end, -x[j0], c[0] + end - j0, -x[j0 + 1], c[1] + end - j0 - 1,
                        -x[j0 + 2], c[2] + end - j0 - 2, -x[j0 + 3], c[3] + end - j0 - 3);
                else
                    for (int j = j0; j < end; j++) Axpy(-x[j], c[j - j0] + end - j, x + end, n - end);
            }
            // Lᵀ x = y: the block's sums over the rows below it in one pass, then its triangle from the bottom.
            for (int end = n; end > 0; end -= Panel)
            {
                int j0 = Math.Max(end - Panel, 0);
                for (int j = j0; j < end; j++) c[j - j0] = p + ColumnOffset(n, j);
                if (end - j0 == Panel)
                {
                    var (s0, s1, s2, s3) = Vectors.Dot4(Segment(x + end, n - end), Segment(c[0] + end - j0, n - end), Segment(c[1] + end - j0 - 1, n - end),
                        Segment(c[2] + end - j0 - 2, n - end), Segment(c[3] + end - j0 - 3, n - end));
                    (x[j0], x[j0 + 1], x[j0 + 2], x[j0 + 3]) = (x[j0] - s0, x[j0 + 1] - s1, x[j0 + 2] - s2, x[j0 + 3] - s3);
                }
                else
                    for (int j = j0; j < end; j++) x[j] -= Dot(c[j - j0] + end - j, x + end, n - end);
                for (int j = end - 1; j >= j0; j--)
                {
                    T sum = x[j];
                    for (int i = j + 1; i < end; i++) sum -= c[j - j0][i - j] * x[i];
                    x[j] = sum * inverse[j];
                }
            }
        }
    }

    /// <summary>
    /// r = b − A x for the symmetric matrix whose packed lower triangle by columns is <paramref name="a"/> (not a factor):
    /// four columns at a time, each column used once as a row (r_c −= A[.., c]·x below the block) and once as a column
    /// (r below the block −= x_c A[.., c]), the second pass finding the columns in the L1 cache.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Residual<T>(ReadOnlySpan<T> a, int n, ReadOnlySpan<T> b, ReadOnlySpan<T> x, Span<T> r)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Length < PackedLength(n) || b.Length < n || x.Length < n || r.Length < n)
            throw new ArgumentException($"N = {n} needs a packed matrix of {PackedLength(n)} and vectors of {n} entries.");
        const int Panel = 4;
        b[..n].CopyTo(r);
        fixed (T* p = a, xs = x, rs = r)
        {
            int j0 = 0;
            for (; j0 + Panel <= n; j0 += Panel)
            {
                T* c0 = p + ColumnOffset(n, j0);
                T* c1 = c0 + n - j0, c2 = c1 + n - j0 - 1, c3 = c2 + n - j0 - 2;
                // The 4 × 4 diagonal block, then the rows below it.
                T x0 = xs[j0], x1 = xs[j0 + 1], x2 = xs[j0 + 2], x3 = xs[j0 + 3];
                rs[j0] -= c0[0] * x0 + c0[1] * x1 + c0[2] * x2 + c0[3] * x3;
                rs[j0 + 1] -= c0[1] * x0 + c1[0] * x1 + c1[1] * x2 + c1[2] * x3;
                rs[j0 + 2] -= c0[2] * x0 + c1[1] * x1 + c2[0] * x2 + c2[1] * x3;
                rs[j0 + 3] -= c0[3] * x0 + c1[2] * x1 + c2[1] * x2 + c3[0] * x3;
                int end = j0 + Panel;
                var (s0, s1, s2, s3) = Vectors.Dot4(Segment(xs + end, n - end), Segment(c0 + 4, n - end), Segment(c1 + 3, n - end), Segment(c2 + 2, n - end), Segment(c3 + 1, n - end));
                Update4(rs + end, n - end, -x0, c0 + 4, -x1, c1 + 3, -x2, c2 + 2, -x3, c3 + 1);
                (rs[j0], rs[j0 + 1], rs[j0 + 2], rs[j0 + 3]) = (rs[j0] - s0, rs[j0 + 1] - s1, rs[j0 + 2] - s2, rs[j0 + 3] - s3);
            }
            for (int j = j0; j < n; j++)
            {
                T* column = p + ColumnOffset(n, j);
                rs[j] -= column[0] * xs[j] + Dot(column + 1, xs + j + 1, n - j - 1);
                Axpy(-xs[j], column + 1, rs + j + 1, n - j - 1);
            }
        }
    }

    /// <summary>The <paramref name="length"/> entries from <paramref name="start"/>.</summary>
    private static unsafe ReadOnlySpan<T> Segment<T>(T* start, int length) where T : unmanaged => new(start, length);

    /// <summary>y[..length] += a0 x0 + a1 x1 + a2 x2 + a3 x3: one pass for four columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Update4<T>(T* y, int length, T a0, T* x0, T a1, T* x1, T a2, T* x2, T a3, T* x3)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = 0, width = Vector256<T>.Count;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<T> b0 = Vector256.Create(a0), b1 = Vector256.Create(a1), b2 = Vector256.Create(a2), b3 = Vector256.Create(a3);
            for (; k <= length - width; k += width)
            {
                var sum = Vectors.MultiplyAdd(b0, Vector256.Load(x0 + k), Vector256.Load(y + k));
                sum = Vectors.MultiplyAdd(b1, Vector256.Load(x1 + k), sum);
                sum = Vectors.MultiplyAdd(b2, Vector256.Load(x2 + k), sum);
                Vectors.MultiplyAdd(b3, Vector256.Load(x3 + k), sum).Store(y + k);
            }
        }
        for (; k < length; k++) y[k] += a0 * x0[k] + a1 * x1[k] + a2 * x2[k] + a3 * x3[k];
    }

    /// <summary>
    /// t_i = Σ_k&lt;j L_ik L_jk and u_i = Σ_k&lt;j L_ik L_j+1,k for rows i = j … N−1 (and fewer than a register past
    /// them), in blocks of four, two or one registers of rows; the loads past row N−1 stay within <see cref="Slack"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void ColumnSums<T>(T* p, int n, int j, T* t, T* u) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = Vector256<T>.Count, i = j;
        for (; n - i > 3 * width; i += 4 * width) Block4(p, n, j, i, t + i, u + i);
        for (; n - i > width; i += 2 * width) Block2(p, n, j, i, t + i, u + i);
        for (; i < n; i += width) Block1(p, n, j, i, t + i, u + i);
    }

    /// <summary>The sums of <see cref="ColumnSums"/> for the 4 registers of rows from i0: eight accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Block4<T>(T* p, int n, int j, int i0, T* t, T* u) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = Vector256<T>.Count;
        var t0 = Vector256<T>.Zero;
        var (t1, t2, t3, u0, u1, u2, u3) = (t0, t0, t0, t0, t0, t0, t0);
        T* column = p; // column k, at its diagonal
        for (int k = 0; k < j; column += n - k, k++)
        {
            var lj = Vector256.Create(column[j - k]);
            var lj1 = Vector256.Create(column[j + 1 - k]);
            T* rows = column + i0 - k;
            var r0 = Vector256.Load(rows);
            var r1 = Vector256.Load(rows + w);
            var r2 = Vector256.Load(rows + 2 * w);
            var r3 = Vector256.Load(rows + 3 * w);
            t0 = Vectors.MultiplyAdd(lj, r0, t0);
            t1 = Vectors.MultiplyAdd(lj, r1, t1);
            t2 = Vectors.MultiplyAdd(lj, r2, t2);
            t3 = Vectors.MultiplyAdd(lj, r3, t3);
            u0 = Vectors.MultiplyAdd(lj1, r0, u0);
            u1 = Vectors.MultiplyAdd(lj1, r1, u1);
            u2 = Vectors.MultiplyAdd(lj1, r2, u2);
            u3 = Vectors.MultiplyAdd(lj1, r3, u3);
        }
        t0.Store(t); t1.Store(t + w); t2.Store(t + 2 * w); t3.Store(t + 3 * w);
        u0.Store(u); u1.Store(u + w); u2.Store(u + 2 * w); u3.Store(u + 3 * w);
    }

    /// <summary>The sums of <see cref="ColumnSums"/> for the 2 registers of rows from i0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Block2<T>(T* p, int n, int j, int i0, T* t, T* u) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = Vector256<T>.Count;
        var t0 = Vector256<T>.Zero;
        var (t1, u0, u1) = (t0, t0, t0);
        T* column = p;
        for (int k = 0; k < j; column += n - k, k++)
        {
            var lj = Vector256.Create(column[j - k]);
            var lj1 = Vector256.Create(column[j + 1 - k]);
            T* rows = column + i0 - k;
            var r0 = Vector256.Load(rows);
            var r1 = Vector256.Load(rows + w);
            t0 = Vectors.MultiplyAdd(lj, r0, t0);
            t1 = Vectors.MultiplyAdd(lj, r1, t1);
            u0 = Vectors.MultiplyAdd(lj1, r0, u0);
            u1 = Vectors.MultiplyAdd(lj1, r1, u1);
        }
        t0.Store(t); t1.Store(t + w);
        u0.Store(u); u1.Store(u + w);
    }

    /// <summary>The sums of <see cref="ColumnSums"/> for the register of rows from i0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Block1<T>(T* p, int n, int j, int i0, T* t, T* u) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t0 = Vector256<T>.Zero;
        var u0 = t0;
        T* column = p;
        for (int k = 0; k < j; column += n - k, k++)
        {
            var r0 = Vector256.Load(column + i0 - k);
            t0 = Vectors.MultiplyAdd(Vector256.Create(column[j - k]), r0, t0);
            u0 = Vectors.MultiplyAdd(Vector256.Create(column[j + 1 - k]), r0, u0);
        }
        t0.Store(t);
        u0.Store(u);
    }

    /// <summary>l_jj = d^½ for the pivot d stored at <paramref name="diagonal"/>, in place; false (and d in <paramref name="pivot"/>) when d ≤ 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe bool Pivot<T>(T* diagonal, ref T pivot) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T d = *diagonal;
        if (!(d > T.Zero))
        {
            pivot = d;
            return false;
        }
        *diagonal = T.Sqrt(d);
        return true;
    }

    /// <summary>x[..length] · y[..length].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe T Dot<T>(T* x, T* y, int length) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = 0, width = Vector256<T>.Count;
        var s = Vector256<T>.Zero;
        if (Vector256.IsHardwareAccelerated)
            for (; k <= length - width; k += width)
                s = Vectors.MultiplyAdd(Vector256.Load(x + k), Vector256.Load(y + k), s);
        T sum = Vector256.Sum(s);
        for (; k < length; k++) sum += x[k] * y[k];
        return sum;
    }

    /// <summary>y[..length] += alpha x[..length].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Axpy<T>(T alpha, T* x, T* y, int length) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = 0, width = Vector256<T>.Count;
        if (Vector256.IsHardwareAccelerated)
        {
            var a = Vector256.Create(alpha);
            for (; k <= length - width; k += width)
                Vectors.MultiplyAdd(a, Vector256.Load(x + k), Vector256.Load(y + k)).Store(y + k);
        }
        for (; k < length; k++) y[k] += alpha * x[k];
    }

    /// <summary>y[..length] −= x[..length].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Subtract<T>(T* y, T* x, int length) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = 0, width = Vector256<T>.Count;
        if (Vector256.IsHardwareAccelerated)
            for (; k <= length - width; k += width)
                (Vector256.Load(y + k) - Vector256.Load(x + k)).Store(y + k);
        for (; k < length; k++) y[k] -= x[k];
    }

    /// <summary>x[..length] *= alpha.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Scale<T>(T alpha, T* x, int length) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = 0, width = Vector256<T>.Count;
        if (Vector256.IsHardwareAccelerated)
        {
            var a = Vector256.Create(alpha);
            for (; k <= length - width; k += width)
                (a * Vector256.Load(x + k)).Store(x + k);
        }
        for (; k < length; k++) x[k] *= alpha;
    }
}
