using MathNet.Numerics.LinearAlgebra;
using Rom.LinearAlgebra.Dense;

namespace Rom.GaussianProcesses;

/// <summary>
/// The quadratic part of J in U as a least-squares problem min ‖A U − b‖ with A = [K^(−1/2); √β B; √v L] and
/// b = [0; √β g; √v f] (β = w τ), L and f as given (the PDE's, or a Gauss–Newton linearisation's), solved densely by QR or by CGLS (Hestenes–Stiefel CG on the normal equations in the
/// form of Paige and Saunders, ACM TOMS 8(1), 1982, §7.1) with a right preconditioner in the Kronecker eigenbasis of
/// K: U = (⊗ Q_d) Δ^(−1/2) y, where Δ is the diagonal of AᵀA in that basis. The prior block is then exactly diagonal;
/// LᵀL is nearly so (K^(2) and K are both Toeplitz and nearly commute; a first derivative couples each eigenvector with its
/// partner of the opposite parity, which the diagonal of LᵀL, unlike that of L, still counts).
/// Working on A rather than AᵀA keeps the conditioning at √κ(AᵀA), which matters: v‖L‖² reaches 10¹² for high frequencies.
/// </summary>
/// <param name="axes">The Kronecker factors of the kernel matrix, one per axis.</param>
/// <param name="sizes">The grid's points per axis.</param>
/// <param name="problem">The problem's grid and boundary data; the preconditioner uses its linear operator.</param>
/// <param name="source">The source f.</param>
/// <param name="beta">The boundary weight β.</param>
/// <param name="v">The weight v of the PDE residual.</param>
/// <param name="provider">The dense kernels.</param>
/// <param name="applyOperator">U ↦ L U.</param>
/// <param name="applyTransposedOperator">U ↦ Lᵀ U.</param>
internal sealed class FieldLeastSquares(AxisFactor[] axes, IReadOnlyList<int> sizes, GpPdeProblem problem, double[] source, double beta, double v,
    IDenseProvider provider, Func<double[], double[]> applyOperator, Func<double[], double[]> applyTransposedOperator)
{
    private readonly int _n = problem.Grid.Count;

    /// <summary>QR of the stacked (2N + N_B) × N matrix, built column by column from unit vectors.</summary>
    public GpFieldSolve SolveDense()
    {
        int n = _n, nb = problem.Boundary.Length, rows = 2 * n + nb;
        var a = Matrix<double>.Build.Dense(rows, n);
        var unit = new double[n];
        var prior = new double[n];
        var inverseSqrt = axes.Select(x => x.InverseSqrt).ToArray();
        double sb = Math.Sqrt(beta), sv = Math.Sqrt(v);
        for (int j = 0; j < n; j++)
        {
            unit[j] = 1;
            AxisProducts.ApplyAll(inverseSqrt, Transpose.None, sizes, unit, prior, provider);
            var lu = applyOperator(unit);
            unit[j] = 0;
            for (int i = 0; i < n; i++)
            {
                a[i, j] = prior[i];
                a[n + nb + i, j] = sv * lu[i];
            }
            int k = Array.BinarySearch(problem.Boundary, j);
            if (k >= 0)
                a[n + k, j] = sb;
        }
        var b = Vector<double>.Build.Dense(rows);
        for (int k = 0; k < nb; k++)
            b[n + k] = sb * problem.BoundaryValues[problem.Boundary[k]];
        for (int i = 0; i < n; i++)
            b[n + nb + i] = sv * source[i];
        return new GpFieldSolve(SolveByQr(a, b, provider), 0, 0, true);
    }

    /// <summary>argmin ‖a x − b‖ for a tall matrix of full column rank: thin QR, then back substitution R x = Qᵀ b.</summary>
    internal static double[] SolveByQr(Matrix<double> a, Vector<double> b, IDenseProvider provider)
    {
        int n = a.ColumnCount;
        var qr = provider.Qr(a);
        var rhs = qr.Q.TransposeThisAndMultiply(b);
        var x = new double[n];
        for (int i = n - 1; i >= 0; i--)
        {
            double s = rhs[i];
            for (int j = i + 1; j < n; j++)
                s -= qr.R[i, j] * x[j];
            x[i] = s / qr.R[i, i];
        }
        return x;
    }

    /// <summary>Right-preconditioned CGLS, started from <paramref name="initial"/> (or zero).</summary>
    public GpFieldSolve SolveIteratively(double[]? initial, double tolerance, int maxIterations)
    {
        int n = _n;
        var (scale, priorScale) = Scaling();
        var y = new double[n];
        if (initial is not null)
        {
            // y = Δ^(1/2) Qᵀ U₀.
            AxisProducts.ApplyAll(axes.Select(x => x.Q).ToArray(), Transpose.Transposed, sizes, initial, y, provider);
            for (int i = 0; i < n; i++)
                y[i] /= scale[i];
        }
        var b = new Blocks(n);
        foreach (int i in problem.Boundary)
            b.Boundary[i] = Math.Sqrt(beta) * problem.BoundaryValues[i];
        for (int i = 0; i < n; i++)
            b.Equation[i] = Math.Sqrt(v) * source[i];
        var atb = new double[n];
        Adjoint(b, scale, priorScale, atb);
        double atbNorm = Norm(atb);
        // s = b − A y, r = Aᵀ s, p = r.
        var residual = new Blocks(n);
        Forward(y, scale, priorScale, residual);
        residual.SubtractFrom(b);
        var r = new double[n];
        Adjoint(residual, scale, priorScale, r);
        var p = (double[])r.Clone();
        double gamma = Dot(r, r);
        var q = new Blocks(n);
        int iteration = 0;
        double relative = atbNorm > 0 ? Math.Sqrt(gamma) / atbNorm : 0;
        while (relative > tolerance && iteration < maxIterations)
        {
            Forward(p, scale, priorScale, q);
            double qq = q.NormSquared();
            if (!(qq > 0))
                break;
            double step = gamma / qq;
            for (int i = 0; i < n; i++)
                y[i] += step * p[i];
            residual.Axpy(-step, q);
            Adjoint(residual, scale, priorScale, r);
            double next = Dot(r, r);
            for (int i = 0; i < n; i++)
                p[i] = r[i] + next / gamma * p[i];
            gamma = next;
            iteration++;
            relative = Math.Sqrt(gamma) / atbNorm;
        }
        return new GpFieldSolve(ToField(y, scale), iteration, relative, relative <= tolerance);
    }

    /// <summary>
    /// Δ^(−1/2) and Λ^(−1/2) at every multi-index i, Δ_i = Λ_i⁻¹ + v ‖L q_i‖² + β ‖B q_i‖², the diagonal of AᵀA in the
    /// basis q_i = ⊗ Q_d (Λ = ⊗ Λ_d; ‖B q_i‖² from the first and last entries of each factor's eigenvector). With L = Σ_d E_d,
    /// E_d the sum of axis d's terms acting along it, ‖L q_i‖² = (Σ_d a_d)² + Σ_d (b_d − a_d²) exactly, where
    /// a_d = q_dᵀ E_d q_d and b_d = ‖E_d q_d‖² for the factor's eigenvector q_d. The b_d term matters for first
    /// derivatives: they map K's even eigenvectors to odd ones, so a_d ≈ 0 and (Σ a_d)² alone would leave them
    /// unpreconditioned (advection at 200²: CGLS stalled after 20,000 iterations, against 466 with b_d).
    /// </summary>
    private (double[] Scale, double[] PriorScale) Scaling()
    {
        var scale = new double[_n];
        var prior = new double[_n];
        var grid = problem.Grid;
        var (diagonal, squares) = AxisOperatorMoments();
        for (int i = 0; i < _n; i++)
        {
            var m = grid.MultiIndex(i);
            double lambda = 1, interior = 1, sum = 0, spread = 0;
            for (int d = 0; d < m.Length; d++)
            {
                var a = axes[d];
                int n = a.N, j = m[d];
                lambda *= a.Eigenvalues[j];
                interior *= 1 - a.Q[j * n] * a.Q[j * n] - a.Q[n - 1 + j * n] * a.Q[n - 1 + j * n];
                if (diagonal[d] is { } diag)
                {
                    sum += diag[j];
                    spread += squares[d]![j] - diag[j] * diag[j];
                }
            }
            prior[i] = 1 / Math.Sqrt(lambda);
            scale[i] = 1 / Math.Sqrt(1 / lambda + v * (sum * sum + Math.Max(0, spread)) + beta * (1 - interior));
        }
        return (scale, prior);
    }

    /// <summary>
    /// For every axis d that L differentiates along, a_d[j] = q_jᵀ E_d q_j and b_d[j] = ‖E_d q_j‖² over K_d's
    /// eigenvectors q_j, E_d = Σ_t c_t D_t over axis d's terms (null for the other axes).
    /// </summary>
    private (double[]?[] Diagonal, double[]?[] Squares) AxisOperatorMoments()
    {
        var diagonal = new double[]?[axes.Length];
        var squares = new double[]?[axes.Length];
        foreach (var group in problem.Operator.Terms.GroupBy(t => t.Axis))
        {
            var a = axes[group.Key];
            int n = a.N;
            var e = new double[n * n];
            foreach (var t in group)
                for (int k = 0; k < e.Length; k++)
                    e[k] += t.Coefficient * a.Operator(t.Order)[k];
            var eq = new double[n * n];
            provider.Gemm(Transpose.None, Transpose.None, n, n, n, 1, e, n, a.Q, n, 0, eq, n);
            var diag = new double[n];
            var norm = new double[n];
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++)
                {
                    double x = eq[i + j * n];
                    diag[j] += a.Q[i + j * n] * x;
                    norm[j] += x * x;
                }
            (diagonal[group.Key], squares[group.Key]) = (diag, norm);
        }
        return (diagonal, squares);
    }

    /// <summary>U = (⊗ Q_d) Δ^(−1/2) y.</summary>
    private double[] ToField(double[] y, double[] scale)
    {
        var z = new double[_n];
        for (int i = 0; i < _n; i++)
            z[i] = scale[i] * y[i];
        var u = new double[_n];
        AxisProducts.ApplyAll(axes.Select(x => x.Q).ToArray(), Transpose.None, sizes, z, u, provider);
        return u;
    }

    /// <summary>result = A U for U = (⊗ Q_d) Δ^(−1/2) y, block by block; K^(−1/2) U = (⊗ Q_d) Λ^(−1/2) Δ^(−1/2) y.</summary>
    private void Forward(double[] y, double[] scale, double[] priorScale, Blocks result)
    {
        int n = _n;
        var u = ToField(y, scale);
        var z = new double[n];
        for (int i = 0; i < n; i++)
            z[i] = priorScale[i] * scale[i] * y[i];
        AxisProducts.ApplyAll(axes.Select(x => x.Q).ToArray(), Transpose.None, sizes, z, result.Prior, provider);
        double sb = Math.Sqrt(beta), sv = Math.Sqrt(v);
        Array.Clear(result.Boundary);
        foreach (int i in problem.Boundary)
            result.Boundary[i] = sb * u[i];
        var lu = applyOperator(u);
        for (int i = 0; i < n; i++)
            result.Equation[i] = sv * lu[i];
    }

    /// <summary>result = Δ^(−1/2) (⊗ Q_d)ᵀ Aᵀ [prior; boundary; equation].</summary>
    private void Adjoint(Blocks x, double[] scale, double[] priorScale, double[] result)
    {
        int n = _n;
        var q = axes.Select(a => a.Q).ToArray();
        var prior = new double[n];
        AxisProducts.ApplyAll(q, Transpose.Transposed, sizes, x.Prior, prior, provider);
        var rest = applyTransposedOperator(x.Equation);
        double sb = Math.Sqrt(beta), sv = Math.Sqrt(v);
        for (int i = 0; i < n; i++)
            rest[i] *= sv;
        foreach (int i in problem.Boundary)
            rest[i] += sb * x.Boundary[i];
        AxisProducts.ApplyAll(q, Transpose.Transposed, sizes, rest, result, provider);
        for (int i = 0; i < n; i++)
            result[i] = scale[i] * (result[i] + priorScale[i] * prior[i]);
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
