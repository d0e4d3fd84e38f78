using Rom.LinearAlgebra.Dense;

namespace Rom.GaussianProcesses;

/// <summary>
/// <see cref="GpObjective"/> at fixed parameters φ: the per-axis factors (<see cref="AxisFactor"/>), τ and v. It
/// evaluates J and its gradients for any U and solves for the U that minimises it (<see cref="SolveField"/>): in one
/// least-squares solve for a linear PDE, where J is quadratic in U once φ is fixed, by Gauss–Newton for a nonlinear one.
/// </summary>
public sealed class GpFactorization
{
    private readonly GpObjective _objective;
    private readonly AxisFactor[] _axes;
    private readonly IReadOnlyList<int> _sizes;
    private readonly IDenseProvider _provider;
    private readonly double _fNorm;

    internal GpFactorization(GpObjective objective, double[] parameters)
    {
        _objective = objective;
        _provider = objective.Provider;
        var grid = objective.Problem.Grid;
        _sizes = grid.Sizes;
        _axes = Enumerable.Range(0, grid.Dimensions).Select(d => new AxisFactor(objective.Kernel(parameters, d),
            _sizes[d], grid.Spacing(d), objective.Jitter, _provider)).ToArray();
        Tau = Math.Exp(parameters[objective.NoiseIndex]);
        V = Math.Exp(parameters[objective.NoiseIndex + 1]);
        IsPositiveDefinite = _axes.All(a => a.IsPositiveDefinite);
        _fNorm = Math.Sqrt(objective.Problem.Source.Sum(x => x * x));
    }

    /// <summary>The objective these factors belong to.</summary>
    internal GpObjective Objective => _objective;

    /// <summary>τ, the boundary precision.</summary>
    public double Tau { get; }

    /// <summary>v, the equation precision.</summary>
    public double V { get; }

    /// <summary>Whether every K_d is positive definite; J is NaN otherwise.</summary>
    public bool IsPositiveDefinite { get; }

    /// <summary>β = w τ, the boundary fit's weight in J.</summary>
    internal double Beta => _objective.BoundaryWeight * Tau;

    private int N => _objective.Problem.Grid.Count;

    /// <summary>L U, the operator applied through the GP derivative matrices.</summary>
    public double[] ApplyOperator(ReadOnlySpan<double> field) => Apply(field, Transpose.None);

    /// <summary>Lᵀ r = Σ_t c_t D_tᵀ ×_{d_t} r.</summary>
    internal double[] ApplyTransposedOperator(double[] r) => Apply(r, Transpose.Transposed);

    /// <summary>Σ_t c_t op(D_t) ×_{d_t} x.</summary>
    private double[] Apply(ReadOnlySpan<double> x, Transpose transpose)
    {
        var result = new double[N];
        var term = new double[N];
        foreach (var t in _objective.Problem.Operator.Terms)
        {
            AxisProducts.Apply(_axes[t.Axis].Operator(t.Order), transpose, t.Axis, _sizes, x, term, _provider);
            for (int i = 0; i < result.Length; i++)
                result[i] += t.Coefficient * term[i];
        }
        return result;
    }

    /// <summary>
    /// J(U) and its parts; writes ∂J/∂φ into <paramref name="parameterGradient"/> and ∂J/∂U into
    /// <paramref name="fieldGradient"/> unless they are empty. All terms NaN when some K_d is not positive definite.
    /// </summary>
    public GpObjectiveTerms Evaluate(ReadOnlySpan<double> field, Span<double> parameterGradient, Span<double> fieldGradient)
    {
        int n = N;
        if (field.Length != n)
            throw new ArgumentException($"field has {field.Length} values; the grid has {n} points.", nameof(field));
        if (!IsPositiveDefinite)
        {
            parameterGradient.Fill(double.NaN);
            fieldGradient.Fill(double.NaN);
            return new GpObjectiveTerms(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        var problem = _objective.Problem;
        var alpha = new double[n];
        AxisProducts.ApplyAll(_axes.Select(a => a.Inverse).ToArray(), Transpose.None, _sizes, field, alpha, _provider);
        double quadratic = Dot(field, alpha), logDet = 0;
        for (int d = 0; d < _axes.Length; d++)
            logDet += (double)n / _sizes[d] * _axes[d].LogDeterminant;
        var r = Residual(field);
        double equationGap = Dot(r, r), boundaryGap = 0;
        foreach (int i in problem.Boundary)
            boundaryGap += (field[i] - problem.BoundaryValues[i]) * (field[i] - problem.BoundaryValues[i]);
        if (!fieldGradient.IsEmpty)
            FieldGradient(field, alpha, r, fieldGradient);
        if (!parameterGradient.IsEmpty)
            ParameterGradient(field, alpha, r, parameterGradient);
        return Assemble(quadratic, logDet, boundaryGap, equationGap, parameterGradient);
    }

    /// <summary>
    /// J from its parts: the prior's quadratic UᵀK⁻¹U, log det K and the two gaps; writes ∂J/∂log τ and ∂J/∂log v into
    /// <paramref name="parameterGradient"/> unless it is empty (the kernel blocks are the caller's).
    /// </summary>
    internal GpObjectiveTerms Assemble(double quadratic, double logDeterminant, double boundaryGap, double equationGap, Span<double> parameterGradient)
    {
        double w = _objective.BoundaryWeight;
        int n = N, nb = _objective.Problem.Boundary.Length;
        double prior = 0.5 * quadratic + 0.5 * logDeterminant;
        double total = prior + w * (0.5 * Tau * boundaryGap - 0.5 * nb * Math.Log(Tau)) + 0.5 * V * equationGap - 0.5 * n * Math.Log(V);
        if (!parameterGradient.IsEmpty)
        {
            int noise = _objective.NoiseIndex;
            parameterGradient[noise] = w * (0.5 * Tau * boundaryGap - 0.5 * nb);
            parameterGradient[noise + 1] = 0.5 * V * equationGap - 0.5 * n;
        }
        double relative = _fNorm > 0 ? Math.Sqrt(equationGap) / _fNorm : Math.Sqrt(equationGap);
        return new GpObjectiveTerms(total, prior, boundaryGap, equationGap, relative);
    }

    /// <summary>r = L U + N(U) − f.</summary>
    private double[] Residual(ReadOnlySpan<double> field)
    {
        var problem = _objective.Problem;
        var r = ApplyOperator(field);
        var nonlinearity = problem.Nonlinearity;
        for (int i = 0; i < r.Length; i++)
            r[i] += (nonlinearity?.Value(field[i]) ?? 0) - problem.Source[i];
        return r;
    }

    /// <summary>∂J/∂U = K⁻¹U + w τ Bᵀ(B U − g) + v (L + diag N′(U))ᵀ r.</summary>
    private void FieldGradient(ReadOnlySpan<double> field, double[] alpha, double[] r, Span<double> gradient)
    {
        var problem = _objective.Problem;
        var ltr = ApplyTransposedOperator(r);
        if (problem.Nonlinearity is { } nonlinearity)
            for (int i = 0; i < ltr.Length; i++)
                ltr[i] += nonlinearity.Derivative(field[i]) * r[i];
        for (int i = 0; i < ltr.Length; i++)
            gradient[i] = alpha[i] + V * ltr[i];
        foreach (int i in problem.Boundary)
            gradient[i] += Beta * (field[i] - problem.BoundaryValues[i]);
    }

    /// <summary>
    /// ∂J/∂θ_d = ⟨∂K_d, M_d⟩ (N(U) does not depend on θ, so only r carries it) + Σ_t ⟨∂K_d^(k_t), G_t⟩, from d log det K = (N/n_d) tr(K_d⁻¹ dK_d), dK⁻¹ = −K⁻¹ dK K⁻¹ and
    /// dD = (dK^(k) − D dK) K⁻¹, with α = K⁻¹U, G_t = v c_t (r_(d) U_(d)ᵀ) K_d⁻¹ and
    /// M_d = ½ (N/n_d) K_d⁻¹ − ½ α_(d) β_(d)ᵀ − Σ_t D_tᵀ G_t (the unfoldings' Gram matrices along axis d), where
    /// β = K_d⁻¹ ×_d U = (⊗_{e≠d} K_e) α, because dK = K₁ ⊗ … ⊗ dK_d ⊗ … ⊗ K_D keeps the other factors.
    /// </summary>
    private void ParameterGradient(ReadOnlySpan<double> field, double[] alpha, double[] r, Span<double> gradient)
    {
        int q3 = 3 * _objective.Components;
        for (int d = 0; d < _axes.Length; d++)
        {
            var axis = _axes[d];
            int n = axis.N;
            var slice = gradient.Slice(q3 * d, q3);
            slice.Clear();
            var m = new double[n * n];
            var beta = new double[N];
            AxisProducts.Apply(axis.Inverse, Transpose.None, d, _sizes, field, beta, _provider);
            AxisProducts.Gram(d, _sizes, alpha, beta, m, _provider);
            double half = 0.5 * N / n;
            for (int i = 0; i < m.Length; i++)
                m[i] = half * axis.Inverse[i] - 0.5 * m[i];
            var gram = new double[n * n];
            var g = new double[n * n];
            foreach (var t in _objective.Problem.Operator.Terms.Where(t => t.Axis == d))
            {
                AxisProducts.Gram(d, _sizes, r, field, gram, _provider);
                _provider.Gemm(Transpose.None, Transpose.None, n, n, n, V * t.Coefficient, gram, n, axis.Inverse, n, 0, g, n);
                axis.AddGradient(t.Order, g, 1, slice);
                _provider.Gemm(Transpose.Transposed, Transpose.None, n, n, n, -1, axis.Operator(t.Order), n, g, n, 1, m, n);
            }
            axis.AddGradient(0, m, 1, slice);
        }
    }

    /// <summary>
    /// J*(φ) = min_U J(U, φ) and the minimising U, writing ∂J*/∂φ (J's partial derivative at that U, by the envelope
    /// theorem) into <paramref name="parameterGradient"/> unless it is empty. A linear PDE on a one-dimensional grid is
    /// solved in the representer form U = K α (<see cref="RepresenterProfile"/>), which keeps K⁻¹'s rounding out of J*
    /// when K is ill-conditioned; any other problem by <see cref="SolveField"/> (from <paramref name="initial"/>, to
    /// <paramref name="tolerance"/>), then <see cref="Evaluate"/>.
    /// </summary>
    public (GpObjectiveTerms Terms, GpFieldSolve Solve) Profile(double[]? initial, double tolerance, Span<double> parameterGradient)
    {
        if (!IsPositiveDefinite)
            throw new InvalidOperationException("some K_d is not positive definite; no field minimises J.");
        if (_axes.Length == 1 && _objective.Problem.Nonlinearity is null)
        {
            var (terms, field) = RepresenterProfile.Evaluate(this, _axes[0], parameterGradient);
            return (terms, new GpFieldSolve(field, 0, 0, true));
        }
        var solve = SolveField(initial, tolerance);
        return (Evaluate(solve.Field, parameterGradient, []), solve);
    }

    /// <summary>
    /// The U that minimises J at this φ. For a linear PDE: the least-squares solution of
    /// [K^(−1/2); √(wτ) B; √v L] U ≈ [0; √(wτ) g; √v f], whose normal equations are ∂J/∂U = 0. One-dimensional grids
    /// and grids of at most <see cref="DenseLimit"/> points use a dense QR factorisation (in 1-D it costs O(n³), as the
    /// axis's eigendecomposition already does); larger ones CGLS preconditioned in the Kronecker
    /// eigenbasis of K (see <see cref="FieldLeastSquares"/>), started from <paramref name="initial"/> when given and
    /// stopped at ‖Aᵀs‖ ≤ <paramref name="tolerance"/> ‖Aᵀb‖. For a nonlinear one: Gauss–Newton from
    /// <paramref name="initial"/> (or zero), each step such a solve (<see cref="GaussNewtonField"/>); a local minimum.
    /// </summary>
    public GpFieldSolve SolveField(double[]? initial = null, double tolerance = 1e-10, int maxIterations = 5000)
    {
        if (!IsPositiveDefinite)
            throw new InvalidOperationException("some K_d is not positive definite; no field minimises J.");
        var problem = _objective.Problem;
        return problem.Nonlinearity is { } nonlinearity
            ? GaussNewtonField.Solve(this, nonlinearity, initial, tolerance, maxIterations)
            : SolveLinear(problem.Source, u => ApplyOperator(u), ApplyTransposedOperator, initial, tolerance, maxIterations);
    }

    /// <summary>The U that minimises J with the equation term replaced by ½ v ‖A U − <paramref name="source"/>‖² for the
    /// linear operator A = <paramref name="apply"/> (Aᵀ = <paramref name="applyTransposed"/>); otherwise as <see cref="SolveField"/>.</summary>
    internal GpFieldSolve SolveLinear(double[] source, Func<double[], double[]> apply, Func<double[], double[]> applyTransposed,
        double[]? initial, double tolerance, int maxIterations)
    {
        var ls = new FieldLeastSquares(_axes, _sizes, _objective.Problem, source, Beta, V, _provider, apply, applyTransposed);
        return N <= DenseLimit || _sizes.Count == 1 ? ls.SolveDense() : ls.SolveIteratively(initial, tolerance, maxIterations);
    }

    /// <summary>
    /// Grids of two or more dimensions with at most this many points are solved densely: above it a dense QR's O(N³)
    /// outgrows CGLS's O(n^(d+1)) products (40² points: 4.1 s dense against 0.7 s by CGLS for three L-BFGS iterations),
    /// while in 1-D CGLS on the ill-conditioned system is the slower (900 points: 53 s against 8.5 s dense for five).
    /// </summary>
    public const int DenseLimit = 600;

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
            s += a[i] * b[i];
        return s;
    }
}
