using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Rom.LinearAlgebra;

namespace Rom.Reduction;

/// <summary>
/// In-place Cholesky A = L Lᵀ of a small dense SPD matrix stored as its packed lower triangle by rows (row i holds
/// A[i, 0..i] from offset i(i+1)/2), so every inner product runs over contiguous memory and half the matrix is never
/// touched. This is the reduced model's online kernel.
/// <para>
/// The factorisation is left-looking by columns (the "jik" form, Golub &amp; Van Loan, Matrix Computations, 4th ed.,
/// §4.2.5), two columns at a time: with the columns left of j known,
/// l_jj = (a_jj − L_j,:j·L_j,:j)^½, l_ij = (a_ij − L_i,:j·L_j,:j)/l_jj, and
/// l_i,j+1 = (a_i,j+1 − L_i,:j·L_j+1,:j − l_ij l_j+1,j)/l_j+1,j+1 for every row i below. The dot products of four
/// rows with the two row prefixes L_j,:j and L_j+1,:j share their loads (6 loads per 8 multiply-adds), and no
/// division waits on another.
/// </para>
/// </summary>
internal static class DenseCholesky
{
    /// <summary>Length N(N+1)/2 of a packed lower triangle.</summary>
    public static int PackedLength(int n) => n * (n + 1) / 2;

    /// <summary>Overwrites the packed lower triangle of the N × N matrix a with L; throws when a is not numerically SPD.</summary>
    public static unsafe void Factor(Span<double> a, int n)
    {
        if (a.Length < PackedLength(n))
            throw new ArgumentException($"The packed matrix has {a.Length} entries; N = {n} needs {PackedLength(n)}.", nameof(a));
        fixed (double* p = a)
        {
            int j = 0;
            for (; j + 2 <= n; j += 2)
            {
                double* x0 = p + Offset(j), x1 = x0 + j + 1;
                double inverse0 = 1 / Pivot(x0, j, Dot(x0, x0, j));
                var (x10, x11) = TwoDots(x0, x1, x1, j);
                double l10 = (x1[j] - x10) * inverse0;
                x1[j] = l10;
                double inverse1 = 1 / Pivot(x1, j + 1, x11 + l10 * l10);
                int i = j + 2;
                for (; i + 4 <= n; i += 4)
                {
                    double* r0 = p + Offset(i), r1 = r0 + i + 1, r2 = r1 + i + 2, r3 = r2 + i + 3;
                    var (first, second) = PanelDots(x0, x1, r0, r1, r2, r3, j);
                    r0[j] = (r0[j] - first.GetElement(0)) * inverse0;
                    r1[j] = (r1[j] - first.GetElement(1)) * inverse0;
                    r2[j] = (r2[j] - first.GetElement(2)) * inverse0;
                    r3[j] = (r3[j] - first.GetElement(3)) * inverse0;
                    r0[j + 1] = (r0[j + 1] - second.GetElement(0) - r0[j] * l10) * inverse1;
                    r1[j + 1] = (r1[j + 1] - second.GetElement(1) - r1[j] * l10) * inverse1;
                    r2[j + 1] = (r2[j + 1] - second.GetElement(2) - r2[j] * l10) * inverse1;
                    r3[j + 1] = (r3[j + 1] - second.GetElement(3) - r3[j] * l10) * inverse1;
                }
                for (; i < n; i++)
                {
                    double* row = p + Offset(i);
                    var (d0, d1) = TwoDots(x0, x1, row, j);
                    row[j] = (row[j] - d0) * inverse0;
                    row[j + 1] = (row[j + 1] - d1 - row[j] * l10) * inverse1;
                }
            }
            if (j < n)
                Pivot(p + Offset(j), j, Dot(p + Offset(j), p + Offset(j), j));
        }
    }

    /// <summary>Overwrites b with (L Lᵀ)⁻¹ b, given the packed factor from <see cref="Factor"/>.</summary>
    public static void Solve(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        for (int i = 0; i < n; i++)
        {
            var row = l.Slice(Offset(i), i + 1);
            b[i] = (b[i] - Vectors.Dot(row[..i], b[..i])) / row[i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            var row = l.Slice(Offset(i), i + 1);
            b[i] /= row[i];
            Vectors.Axpy(-b[i], row[..i], b[..i]);
        }
    }

    private static int Offset(int row) => row * (row + 1) / 2;

    /// <summary>l_jj = (a_jj − ‖L_j,:j‖²)^½ for the packed row j at <paramref name="row"/>, given ‖L_j,:j‖², stored in place.</summary>
    private static unsafe double Pivot(double* row, int j, double squaredNorm)
    {
        double d = row[j] - squaredNorm;
        if (!(d > 0))
            throw new InvalidOperationException($"The reduced matrix is not positive definite (pivot {j} is {d:G3}); the basis or the parameter breaks coercivity.");
        return row[j] = Math.Sqrt(d);
    }

    /// <summary>(r·x0, r·x1) over <paramref name="length"/> entries in one pass: a row below the panel's last block of four.</summary>
    private static unsafe (double, double) TwoDots(double* x0, double* x1, double* r, int length)
    {
        int k = 0;
        var s0 = Vector256<double>.Zero;
        var s1 = s0;
        if (Vector256.IsHardwareAccelerated)
            for (; k <= length - 4; k += 4)
            {
                var w = Vector256.Load(r + k);
                s0 = Vector256.MultiplyAddEstimate(Vector256.Load(x0 + k), w, s0);
                s1 = Vector256.MultiplyAddEstimate(Vector256.Load(x1 + k), w, s1);
            }
        double d0 = Vector256.Sum(s0), d1 = Vector256.Sum(s1);
        for (; k < length; k++)
        {
            d0 += x0[k] * r[k];
            d1 += x1[k] * r[k];
        }
        return (d0, d1);
    }

    private static unsafe double Dot(double* x, double* y, int length) => Vectors.Dot(new ReadOnlySpan<double>(x, length), new ReadOnlySpan<double>(y, length));

    /// <summary>
    /// Element r of <c>First</c> is r_r[..length] · <paramref name="x0"/>[..length] and of <c>Second</c> the same with
    /// <paramref name="x1"/>, for the four rows r₀ … r₃: eight
    /// accumulators, each load of a row or prefix used two or four times. Pointers keep every load a single
    /// addressing-mode instruction in this innermost loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe (Vector256<double> First, Vector256<double> Second) PanelDots(double* x0, double* x1,
        double* r0, double* r1, double* r2, double* r3, int length)
    {
        int k = 0;
        var s00 = Vector256<double>.Zero;
        var (s01, s02, s03, s10, s11, s12, s13) = (s00, s00, s00, s00, s00, s00, s00);
        if (Vector256.IsHardwareAccelerated)
            for (; k <= length - 4; k += 4)
            {
                var u = Vector256.Load(x0 + k);
                var v = Vector256.Load(x1 + k);
                var w0 = Vector256.Load(r0 + k);
                var w1 = Vector256.Load(r1 + k);
                var w2 = Vector256.Load(r2 + k);
                var w3 = Vector256.Load(r3 + k);
                s00 = Vector256.MultiplyAddEstimate(u, w0, s00);
                s01 = Vector256.MultiplyAddEstimate(u, w1, s01);
                s02 = Vector256.MultiplyAddEstimate(u, w2, s02);
                s03 = Vector256.MultiplyAddEstimate(u, w3, s03);
                s10 = Vector256.MultiplyAddEstimate(v, w0, s10);
                s11 = Vector256.MultiplyAddEstimate(v, w1, s11);
                s12 = Vector256.MultiplyAddEstimate(v, w2, s12);
                s13 = Vector256.MultiplyAddEstimate(v, w3, s13);
            }
        double d00 = Vector256.Sum(s00), d01 = Vector256.Sum(s01), d02 = Vector256.Sum(s02), d03 = Vector256.Sum(s03);
        double d10 = Vector256.Sum(s10), d11 = Vector256.Sum(s11), d12 = Vector256.Sum(s12), d13 = Vector256.Sum(s13);
        for (; k < length; k++)
        {
            (d00, d01, d02, d03) = (d00 + x0[k] * r0[k], d01 + x0[k] * r1[k], d02 + x0[k] * r2[k], d03 + x0[k] * r3[k]);
            (d10, d11, d12, d13) = (d10 + x1[k] * r0[k], d11 + x1[k] * r1[k], d12 + x1[k] * r2[k], d13 + x1[k] * r3[k]);
        }
        return (Vector256.Create(d00, d01, d02, d03), Vector256.Create(d10, d11, d12, d13));
    }
}
