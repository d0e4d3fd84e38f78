using MathNet.Numerics.LinearAlgebra;
using Rom.LinearAlgebra.Dense;

namespace Rom.GaussianProcesses;

/// <summary>
/// The profiled objective J*(φ) = min_U J(U, φ) of a linear PDE on a one-dimensional grid, computed in the representer
/// form U = K α, in which the GP derivative matrices D = K^(k) K⁻¹ never appear:
/// <code>
/// J = ½ αᵀKα + ½ log det K + w (½ τ ‖(Kα)_B − g‖² − ½ N_B log τ) + ½ v ‖Σ_t c_t K^(k_t) α − f‖² − ½ N log v
/// </code>
/// is least squares in α with A = [Λ^(1/2) Qᵀ; √β K_B; √v Σ_t c_t K^(k_t)] and b = [0; √β g; √v f] (β = w τ), each block
/// made from kernel values directly. Why: a learned kernel can put K's smallest eigenvalues at the jitter (κ(K) ≈ 10¹³
/// on x·sin 200x), where D multiplies K^(k)'s rounding by up to 10⁶, and J(U*) computed through D varies by ±30 between
/// parameters 10⁻¹⁶ apart — more than a line search's decrease. Here rounding in α enters J at second order (α minimises
/// it), and ∂J*/∂θ is J's partial derivative at fixed α (the envelope theorem holds in any parametrisation of U):
/// ⟨∂K, ½ααᵀ + ½K⁻¹ + β e αᵀ⟩ + Σ_t ⟨∂K^(k_t), v c_t r αᵀ⟩ with e = Bᵀ(U_B − g) and r = Σ_t c_t K^(k_t) α − f.
/// </summary>
internal static class RepresenterProfile
{
    /// <summary>J* and its parts at the φ of <paramref name="factors"/> (whose only axis is <paramref name="axis"/>), writing
    /// ∂J*/∂φ into <paramref name="parameterGradient"/> unless it is empty; returns the minimising field U = Kα with them.</summary>
    public static (GpObjectiveTerms Terms, double[] Field) Evaluate(GpFactorization factors, AxisFactor axis, Span<double> parameterGradient)
    {
        var objective = factors.Objective;
        var problem = objective.Problem;
        var provider = objective.Provider;
        int n = axis.N;
        double v = factors.V, beta = factors.Beta;

        // Σ_t c_t K^(k_t), the operator acting on α.
        var op = new double[n * n];
        foreach (var t in problem.Operator.Terms)
            for (int i = 0; i < op.Length; i++)
                op[i] += t.Coefficient * axis.Derivative[t.Order][i];

        var alpha = SolveLeastSquares(axis, problem, op, beta, v, provider);
        var field = MatVec(axis.K, alpha, n, provider);
        var r = MatVec(op, alpha, n, provider);
        for (int i = 0; i < n; i++)
            r[i] -= problem.Source[i];
        double quadratic = Dot(alpha, field), equationGap = Dot(r, r), boundaryGap = 0;
        var e = new double[n];
        foreach (int i in problem.Boundary)
        {
            e[i] = field[i] - problem.BoundaryValues[i];
            boundaryGap += e[i] * e[i];
        }
        if (!parameterGradient.IsEmpty)
        {
            var slice = parameterGradient[..(3 * objective.Components)];
            slice.Clear();
            // M = ½ααᵀ + ½K⁻¹ + β e αᵀ pairs with ∂K; G_t = v c_t r αᵀ with ∂K^(k_t).
            var m = new double[n * n];
            var g = new double[n * n];
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++)
                {
                    m[i + j * n] = (0.5 * alpha[i] + beta * e[i]) * alpha[j] + 0.5 * axis.Inverse[i + j * n];
                    g[i + j * n] = v * r[i] * alpha[j];
                }
            axis.AddGradient(0, m, 1, slice);
            foreach (var t in problem.Operator.Terms)
                axis.AddGradient(t.Order, g, t.Coefficient, slice);
        }
        return (factors.Assemble(quadratic, axis.LogDeterminant, boundaryGap, equationGap, parameterGradient), field);
    }

    /// <summary>α = argmin ‖A α − b‖ by QR of the (2N + N_B) × N matrix A.</summary>
    private static double[] SolveLeastSquares(AxisFactor axis, GpPdeProblem problem, double[] op, double beta, double v, IDenseProvider provider)
    {
        int n = axis.N, nb = problem.Boundary.Length;
        double sb = Math.Sqrt(beta), sv = Math.Sqrt(v);
        var a = Matrix<double>.Build.Dense(2 * n + nb, n);
        var b = Vector<double>.Build.Dense(2 * n + nb);
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                // Row i of Λ^(1/2) Qᵀ: √λ_i q_i(j).
                a[i, j] = Math.Sqrt(axis.Eigenvalues[i]) * axis.Q[j + i * n];
                a[n + nb + i, j] = sv * op[i + j * n];
            }
            for (int k = 0; k < nb; k++)
                a[n + k, j] = sb * axis.K[problem.Boundary[k] + j * n];
        }
        for (int k = 0; k < nb; k++)
            b[n + k] = sb * problem.BoundaryValues[problem.Boundary[k]];
        for (int i = 0; i < n; i++)
            b[n + nb + i] = sv * problem.Source[i];
        return FieldLeastSquares.SolveByQr(a, b, provider);
    }

    private static double[] MatVec(double[] matrix, double[] x, int n, IDenseProvider provider)
    {
        var y = new double[n];
        provider.Gemm(Transpose.None, Transpose.None, n, 1, n, 1, matrix, n, x, n, 0, y, n);
        return y;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
            s += a[i] * b[i];
        return s;
    }
}
