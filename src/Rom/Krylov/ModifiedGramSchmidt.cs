using System.Numerics;
using System.Runtime.InteropServices;
using Rom.LinearAlgebra;

namespace Rom.Krylov;

/// <summary>
/// The orthogonalisation step of Arnoldi's method with modified Gram–Schmidt (Saad, 2nd ed., Algorithm 6.2),
/// against a basis stored column after column in one flat array.
/// </summary>
internal static class ModifiedGramSchmidt
{
    /// <summary>
    /// For i = 0..count−1: h_i = (w, v_i), w ← w − h_i v_i; a second pass (re-orthogonalisation) adds its
    /// coefficients to h. Returns ‖w‖ after orthogonalisation.
    /// </summary>
    public static double Orthogonalize(ReadOnlySpan<double> basis, int count, Span<double> w, Span<double> h, bool twice)
    {
        h[..count].Clear();
        double norm = Pass(basis, count, w, h);
        return twice ? Pass(basis, count, w, h) : norm;
    }

    // One MGS sweep. The update w ← w − h_i v_i is fused with the next dot (w, v_{i+1}) — the same arithmetic
    // as MGS in one pass over w instead of two.
    private static double Pass(ReadOnlySpan<double> basis, int count, Span<double> w, Span<double> h)
    {
        int n = w.Length;
        double hi = Vectors.Dot(w, basis[..n]);
        for (int i = 0; i < count; i++)
        {
            h[i] += hi;
            var vi = basis.Slice(i * n, n);
            ReadOnlySpan<double> next = i + 1 < count ? basis.Slice((i + 1) * n, n) : w;
            hi = AxpyDot(-hi, vi, w, next);
        }
        return Math.Sqrt(hi);
    }

    // y ← y + a x, then returns yᵀz (z may be y itself).
    private static double AxpyDot(double a, ReadOnlySpan<double> x, Span<double> y, ReadOnlySpan<double> z)
    {
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
        var vz = MemoryMarshal.Cast<double, Vector<double>>(z);
        var va = new Vector<double>(a);
        var acc = Vector<double>.Zero;
        for (int k = 0; k < vx.Length; k++)
        {
            var yk = vy[k] + va * vx[k];
            vy[k] = yk;
            acc += yk * vz[k];
        }
        double sum = Vector.Sum(acc);
        for (int k = vx.Length * Vector<double>.Count; k < x.Length; k++)
        {
            y[k] += a * x[k];
            sum += y[k] * z[k];
        }
        return sum;
    }
}
