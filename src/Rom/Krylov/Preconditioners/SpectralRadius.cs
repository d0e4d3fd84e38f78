using MathNet.Numerics.LinearAlgebra;
using Rom.LinearAlgebra;

namespace Rom.Krylov.Preconditioners;

/// <summary>
/// Estimates ρ(D⁻¹A) for SPD A by the Lanczos process on the similar matrix D^{-1/2} A D^{-1/2}
/// (Saad, 2nd ed., Algorithm 6.15): the largest Ritz value after a few steps.
/// </summary>
internal static class SpectralRadius
{
    /// <summary>The largest eigenvalue of the Lanczos tridiagonal matrix after at most <paramref name="steps"/> steps.</summary>
    public static double OfJacobiScaled(CsrMatrix a, ReadOnlySpan<double> diagonal, int steps)
    {
        int n = a.Rows;
        steps = Math.Min(steps, n);
        var scale = new double[n];
        for (int i = 0; i < n; i++) scale[i] = 1 / Math.Sqrt(diagonal[i]);
        var random = new Random(1996);
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = random.NextDouble() - 0.5;
        double norm = Vectors.Norm(v);
        for (int i = 0; i < n; i++) v[i] /= norm;
        var vOld = new double[n];
        var w = new double[n];
        var u = new double[n];
        var alpha = new List<double>();
        var beta = new List<double>();
        for (int j = 0; j < steps; j++)
        {
            // w = S A S v_j − β_j v_{j−1}; α_j = (w, v_j); w = w − α_j v_j; β_{j+1} = ‖w‖.
            for (int i = 0; i < n; i++) u[i] = scale[i] * v[i];
            a.Apply(u, w);
            for (int i = 0; i < n; i++) w[i] *= scale[i];
            if (j > 0) Vectors.Axpy(-beta[^1], vOld, w);
            alpha.Add(Vectors.Dot(w, v));
            Vectors.Axpy(-alpha[^1], v, w);
            double b = Vectors.Norm(w);
            if (b <= 1e-14 * Math.Abs(alpha[^1]) || j == steps - 1) break;
            beta.Add(b);
            (vOld, v) = (v, vOld);
            for (int i = 0; i < n; i++) v[i] = w[i] / b;
        }
        int k = alpha.Count;
        var t = Matrix<double>.Build.Dense(k, k);
        for (int i = 0; i < k; i++)
        {
            t[i, i] = alpha[i];
            if (i + 1 < k) t[i, i + 1] = t[i + 1, i] = beta[i];
        }
        return t.Evd(Symmetricity.Symmetric).EigenValues.Real().Maximum();
    }
}
