using System.Numerics;
using System.Runtime.InteropServices;

namespace Rom.LinearAlgebra.Direct;

/// <summary>
/// Dense kernels on column-major blocks for the supernodal factorisation: a left-looking Cholesky of a panel and
/// the symmetric rank-k update of its Schur complement (LAPACK's POTRF and BLAS's SYRK on spans, SIMD through
/// <see cref="Vector{T}"/>; G. Golub and C. Van Loan, Matrix Computations, 4th ed., Alg. 4.2.1).
/// </summary>
internal static class DenseKernels
{
    /// <summary>
    /// Factors the leading <paramref name="columns"/> columns of the <paramref name="rows"/>-row block in place:
    /// [L11; L21] with L11 L11ᵀ = A11 and L21 = A21 L11⁻ᵀ. Returns −1, or the first column whose pivot is not positive.
    /// </summary>
    public static int FactorPanel(Span<double> block, int rows, int columns, out double pivot)
    {
        for (int j = 0; j < columns; j++)
        {
            // a(j:m, j) −= L(j:m, 0:j) L(j, 0:j)ᵀ, then divide by the square root of the pivot.
            var column = block.Slice(j * rows + j, rows - j);
            SubtractColumns(column, block, rows, j, j);
            double d = column[0];
            if (!(d > 0))
            {
                pivot = d;
                return j;
            }
            d = Math.Sqrt(d);
            column[0] = d;
            Scale(1 / d, column[1..]);
        }
        pivot = 0;
        return -1;
    }

    /// <summary>update −= L21 L21ᵀ on the lower triangle, with L21 rows columns..rows−1 of the factored panel.</summary>
    public static void SubtractSchurComplement(ReadOnlySpan<double> block, int rows, int columns, Span<double> update)
    {
        int r = rows - columns;
        for (int b = 0; b < r; b++)
            SubtractColumns(update.Slice(b * r + b, r - b), block, rows, columns, columns + b);
    }

    /// <summary>
    /// target −= Σ_{p &lt; count} c_p · x_p, where column p of the block (leading dimension ld) gives x_p = its
    /// entries from <paramref name="row"/> on and c_p = its entry at that row. Four columns per pass keep target in registers.
    /// </summary>
    public static void SubtractColumns(Span<double> target, ReadOnlySpan<double> block, int ld, int count, int row)
    {
        int length = target.Length;
        int p = 0;
        for (; p + 4 <= count; p += 4)
        {
            int o = row + p * ld;
            SubtractFour(target,
                block.Slice(o, length), block.Slice(o + ld, length), block.Slice(o + 2 * ld, length), block.Slice(o + 3 * ld, length),
                block[o], block[o + ld], block[o + 2 * ld], block[o + 3 * ld]);
        }
        for (; p < count; p++)
        {
            int o = row + p * ld;
            Vectors.Axpy(-block[o], block.Slice(o, length), target);
        }
    }

    private static void SubtractFour(Span<double> y,
        ReadOnlySpan<double> x0, ReadOnlySpan<double> x1, ReadOnlySpan<double> x2, ReadOnlySpan<double> x3,
        double c0, double c1, double c2, double c3)
    {
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
        var v0 = MemoryMarshal.Cast<double, Vector<double>>(x0);
        var v1 = MemoryMarshal.Cast<double, Vector<double>>(x1);
        var v2 = MemoryMarshal.Cast<double, Vector<double>>(x2);
        var v3 = MemoryMarshal.Cast<double, Vector<double>>(x3);
        var a0 = new Vector<double>(c0);
        var a1 = new Vector<double>(c1);
        var a2 = new Vector<double>(c2);
        var a3 = new Vector<double>(c3);
        for (int i = 0; i < vy.Length; i++)
            vy[i] -= a0 * v0[i] + a1 * v1[i] + a2 * v2[i] + a3 * v3[i];
        for (int i = vy.Length * Vector<double>.Count; i < y.Length; i++)
            y[i] -= c0 * x0[i] + c1 * x1[i] + c2 * x2[i] + c3 * x3[i];
    }

    private static void Scale(double a, Span<double> x)
    {
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var va = new Vector<double>(a);
        for (int i = 0; i < vx.Length; i++) vx[i] *= va;
        for (int i = vx.Length * Vector<double>.Count; i < x.Length; i++) x[i] *= a;
    }
}
