using MathNet.Numerics.LinearAlgebra;
using Rom.LinearAlgebra.Dense;

namespace Rom.GaussianProcesses;

/// <summary>
/// The quadratic part of J in U as a least-squares problem min ‖A U − b‖ with A = [K^(−1/2); √β B; √v L] and
/// b = [0; √β g; √v f] (β = w τ), solved densely by QR or by CGLS (Hestenes–Stiefel CG on the normal equations in the
/// form of Paige and Saunders, ACM TOMS 8(1), 1982, §7.1) with a right preconditioner from the Kronecker eigenbasis:
/// U = V z with V = ⊗ V_d, V_d = Q_d Λ_d^(1/2) W_d (<see cref="AxisFactor"/>) makes the prior block orthogonal
/// (K^(−1/2) V = ⊗ Q_d W_d) and L diagonal (L V = V S, S = Σ_t c_t Σ_{d_t}), so AᵀA in z is
/// I + β (BV)ᵀBV + v S VᵀV S, whose diagonal Δ is cheap from the column norms of the V_d; z = Δ^(−1/2) y.
/// Working on A rather than AᵀA keeps the conditioning at √κ(AᵀA), which matters: v‖L‖² reaches 10¹² for high frequencies.
/// </summary>
internal sealed class FieldLeastSquares
{
    private readonly AxisFactor[] _axes;
    private readonly IReadOnlyList<int> _sizes;
    private readonly GpPdeProblem _problem;
    private readonly double _beta, _v;
    private readonly IDenseProvider _provider;
    private readonly int _n;

    public FieldLeastSquares(AxisFactor[] axes, IReadOnlyList<int> sizes, GpPdeProblem problem, double beta, double v, IDenseProvider provider)
    {
        _axes = axes;
        _sizes = sizes;
        _problem = problem;
        _beta = beta;
        _v = v;
        _provider = provider;
        _n = problem.Grid.Count;
    }

    /// <summary>QR of the stacked (2N + N_B) × N matrix, built column by column from unit vectors.</summary>
    public GpFieldSolve SolveDense(Func<double[], double[]> applyOperator)
    {
        int n = _n, nb = _problem.Boundary.Length, rows = 2 * n + nb;
        var a = Matrix<double>.Build.Dense(rows, n);
        var unit = new double[n];
        var prior = new double[n];
        var inverseSqrt = _axes.Select(x => x.InverseSqrt).ToArray();
        double sb = Math.Sqrt(_beta), sv = Math.Sqrt(_v);
        for (int j = 0; j < n; j++)
        {
            unit[j] = 1;
            AxisProducts.ApplyAll(inverseSqrt, Transpose.None, _sizes, unit, prior, _provider);
            var lu = applyOperator(unit);
            unit[j] = 0;
            for (int i = 0; i < n; i++)
            {
                a[i, j] = prior[i];
                a[n + nb + i, j] = sv * lu[i];
            }
            int k = Array.BinarySearch(_problem.Boundary, j);
            if (k >= 0)
                a[n + k, j] = sb;
        }
        var b = Vector<double>.Build.Dense(rows);
        for (int k = 0; k < nb; k++)
            b[n + k] = sb * _problem.BoundaryValues[_problem.Boundary[k]];
        for (int i = 0; i < n; i++)
            b[n + nb + i] = sv * _problem.Source[i];
        var qr = _provider.Qr(a);
        var rhs = qr.Q.TransposeThisAndMultiply(b);
        // Back substitution R U = Qᵀ b.
        var u = new double[n];
        for (int i = n - 1; i >= 0; i--)
        {
            double s = rhs[i];
            for (int j = i + 1; j < n; j++)
                s -= qr.R[i, j] * u[j];
            u[i] = s / qr.R[i, i];
        }
        return new GpFieldSolve(u, 0, 0, true);
    }

    /// <summary>Right-preconditioned CGLS, started from <paramref name="initial"/> (or zero).</summary>
    public GpFieldSolve SolveIteratively(double[]? initial, double tolerance, int maxIterations)
    {
        int n = _n;
        var s = Eigenvalues();
        var scale = Scaling(s);
        var y = new double[n];
        if (initial is not null)
        {
            // y = Δ^(1/2) V⁻¹ U₀.
            AxisProducts.ApplyAll(_axes.Select(x => x.VInverse).ToArray(), Transpose.None, _sizes, initial, y, _provider);
            for (int i = 0; i < n; i++)
                y[i] /= scale[i];
        }
        var b = new Blocks(n);
        foreach (int i in _problem.Boundary)
            b.Boundary[i] = Math.Sqrt(_beta) * _problem.BoundaryValues[i];
        for (int i = 0; i < n; i++)
            b.Equation[i] = Math.Sqrt(_v) * _problem.Source[i];
        var atb = new double[n];
        Adjoint(b, s, scale, atb);
        double atbNorm = Norm(atb);
        // s = b − A y, r = Aᵀ s, p = r.
        var residual = new Blocks(n);
        Forward(y, s, scale, residual);
        residual.SubtractFrom(b);
        var r = new double[n];
        Adjoint(residual, s, scale, r);
        var p = (double[])r.Clone();
        double gamma = Dot(r, r);
        var q = new Blocks(n);
        int iteration = 0;
        double relative = atbNorm > 0 ? Math.Sqrt(gamma) / atbNorm : 0;
        while (relative > tolerance && iteration < maxIterations)
        {
            Forward(p, s, scale, q);
            double qq = q.NormSquared();
            if (!(qq > 0))
                break;
            double step = gamma / qq;
            for (int i = 0; i < n; i++)
                y[i] += step * p[i];
            residual.Axpy(-step, q);
            Adjoint(residual, s, scale, r);
            double next = Dot(r, r);
            for (int i = 0; i < n; i++)
                p[i] = r[i] + next / gamma * p[i];
            gamma = next;
            iteration++;
            relative = Math.Sqrt(gamma) / atbNorm;
        }
        // U = V Δ^(−1/2) y.
        var z = new double[n];
        for (int i = 0; i < n; i++)
            z[i] = scale[i] * y[i];
        var u = new double[n];
        AxisProducts.ApplyAll(_axes.Select(x => x.V).ToArray(), Transpose.None, _sizes, z, u, _provider);
        return new GpFieldSolve(u, iteration, relative, relative <= tolerance);
    }

    /// <summary>S at every multi-index: the eigenvalues of L in the basis V.</summary>
    private double[] Eigenvalues()
    {
        var s = new double[_n];
        var grid = _problem.Grid;
        for (int i = 0; i < _n; i++)
        {
            var m = grid.MultiIndex(i);
            foreach (var t in _problem.Operator.Terms)
                s[i] += t.Coefficient * _axes[t.Axis].Sigma[m[t.Axis]];
        }
        return s;
    }

    /// <summary>Δ^(−1/2), Δ = diag(I + β (BV)ᵀBV + v S VᵀV S).</summary>
    private double[] Scaling(double[] s)
    {
        var scale = new double[_n];
        var grid = _problem.Grid;
        for (int i = 0; i < _n; i++)
        {
            var m = grid.MultiIndex(i);
            double all = 1, interior = 1;
            for (int d = 0; d < m.Length; d++)
            {
                all *= _axes[d].ColumnNorms[m[d]];
                interior *= _axes[d].InteriorColumnNorms[m[d]];
            }
            scale[i] = 1 / Math.Sqrt(1 + _beta * (all - interior) + _v * s[i] * s[i] * all);
        }
        return scale;
    }

    /// <summary>out = A V Δ^(−1/2) y, block by block.</summary>
    private void Forward(double[] y, double[] s, double[] scale, Blocks result)
    {
        int n = _n;
        var z = new double[n];
        for (int i = 0; i < n; i++)
            z[i] = scale[i] * y[i];
        AxisProducts.ApplyAll(_axes.Select(x => x.QW).ToArray(), Transpose.None, _sizes, z, result.Prior, _provider);
        var v = _axes.Select(x => x.V).ToArray();
        AxisProducts.ApplyAll(v, Transpose.None, _sizes, z, result.Boundary, _provider);
        double sb = Math.Sqrt(_beta), sv = Math.Sqrt(_v);
        var mask = new double[n];
        foreach (int i in _problem.Boundary)
            mask[i] = sb * result.Boundary[i];
        mask.CopyTo(result.Boundary, 0);
        for (int i = 0; i < n; i++)
            z[i] *= sv * s[i];
        AxisProducts.ApplyAll(v, Transpose.None, _sizes, z, result.Equation, _provider);
    }

    /// <summary>out = Δ^(−1/2) Vᵀ Aᵀ [prior; boundary; equation].</summary>
    private void Adjoint(Blocks x, double[] s, double[] scale, double[] result)
    {
        int n = _n;
        var v = _axes.Select(a => a.V).ToArray();
        AxisProducts.ApplyAll(_axes.Select(a => a.QW).ToArray(), Transpose.Transposed, _sizes, x.Prior, result, _provider);
        var masked = new double[n];
        double sb = Math.Sqrt(_beta), sv = Math.Sqrt(_v);
        foreach (int i in _problem.Boundary)
            masked[i] = sb * x.Boundary[i];
        var t = new double[n];
        AxisProducts.ApplyAll(v, Transpose.Transposed, _sizes, masked, t, _provider);
        for (int i = 0; i < n; i++)
            result[i] += t[i];
        AxisProducts.ApplyAll(v, Transpose.Transposed, _sizes, x.Equation, t, _provider);
        for (int i = 0; i < n; i++)
            result[i] = scale[i] * (result[i] + sv * s[i] * t[i]);
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));

    /// <summary>A vector in the range of A: the prior, boundary (zero off the boundary) and equation blocks.</summary>
    private sealed class Blocks(int n)
    {
        public double[] Prior { get; } = new double[n];
        public double[] Boundary { get; } = new double[n];
        public double[] Equation { get; } = new double[n];

        public double NormSquared() => Dot(Prior, Prior) + Dot(Boundary, Boundary) + Dot(Equation, Equation);

        /// <summary>this ← b − this.</summary>
        public void SubtractFrom(Blocks b)
        {
            for (int i = 0; i < Prior.Length; i++)
            {
                Prior[i] = b.Prior[i] - Prior[i];
                Boundary[i] = b.Boundary[i] - Boundary[i];
                Equation[i] = b.Equation[i] - Equation[i];
            }
        }

        /// <summary>this ← this + a x.</summary>
        public void Axpy(double a, Blocks x)
        {
            for (int i = 0; i < Prior.Length; i++)
            {
                Prior[i] += a * x.Prior[i];
                Boundary[i] += a * x.Boundary[i];
                Equation[i] += a * x.Equation[i];
            }
        }
    }
}
