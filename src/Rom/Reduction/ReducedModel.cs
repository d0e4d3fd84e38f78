using Rom.LinearAlgebra;
using Rom.LinearAlgebra.Dense;
using Rom.Parameters;
using Rom.Reduction.Residuals;

namespace Rom.Reduction;

/// <summary>
/// A Galerkin reduced model Σ_q θ_q(μ) Ã_q u_N = f̃ with its certified error bound (Haasdonk 2017, §2.3–2.4):
/// online cost depends on N and Q only. Immutable; <see cref="Solve"/> is safe to call from several threads.
/// </summary>
public sealed class ReducedModel
{
    private readonly ParameterFunctional[] _theta;
    private readonly InterleavedAffineSum _operators; // packed lower triangles by columns (DenseCholesky's layout)
    private readonly double[] _rightHandSide;
    private readonly ReducedOutput[] _outputs;
    private readonly double[] _referenceTheta;
    private readonly IOnlineResidualNorm _residual;
    private readonly ThreadLocal<ReducedWorkspace> _workspace;

    private ReducedModel(ReducedModelData data)
    {
        Data = data;
        int n = data.BasisSize;
        _theta = data.Coefficients.ToArray();
        // Only the lower triangle of A_N(μ) enters the Cholesky factorisation: half the bytes to assemble.
        _operators = new InterleavedAffineSum(data.Operators.Select(a =>
        {
            var packed = new double[DenseCholesky.PackedLength(n)];
            for (int j = 0, k = 0; j < n; j++)
                for (int i = j; i < n; i++) packed[k++] = a[i, j];
            return packed;
        }).ToArray(), DenseCholesky.PackedLength(n));
        _rightHandSide = (double[])data.RightHandSide.Clone();
        _outputs = data.Outputs.Select(o => o with { Weights = (double[])o.Weights.Clone() }).ToArray();
        _referenceTheta = data.Coercivity is null ? _theta.Select(t => t.Evaluate(data.ReferenceParameter)).ToArray() : [];
        for (int q = 0; q < _referenceTheta.Length; q++)
            if (!(_referenceTheta[q] > 0))
                throw new ArgumentException($"θ_{q}(μ̄) = {_referenceTheta[q]} at μ̄ = {data.ReferenceParameter}; the min-theta rule needs every θ_q(μ̄) > 0.", nameof(data));
        _residual = data.Residual.ToOnline();
        _workspace = new ThreadLocal<ReducedWorkspace>(() => new ReducedWorkspace(n, _theta.Length, _residual.WorkLength));
    }

    /// <summary>Builds a reduced model from its data (checked; the arrays are copied).</summary>
    public static ReducedModel FromData(ReducedModelData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Validate();
        return new ReducedModel(data);
    }

    /// <summary>The data this model was built from, for saving (treat as read-only).</summary>
    public ReducedModelData Data { get; }

    /// <summary>Basis size N.</summary>
    public int BasisSize => Data.BasisSize;

    /// <summary>Full-order dimension n.</summary>
    public int Dimension => Data.Dimension;

    /// <summary>The same model on the first <paramref name="basisSize"/> basis vectors (a hierarchical basis makes this the smaller reduced model).</summary>
    public ReducedModel Truncate(int basisSize) => new(Data.Truncate(basisSize));

    /// <summary>
    /// α_LB(μ) = α(μ̄) · min_q θ_q(μ)/θ_q(μ̄), valid for A_q positive semidefinite (Haasdonk 2017, Prop. 2.35), or the
    /// model's own <see cref="ReducedModelData.Coercivity"/> where it has one.
    /// </summary>
    public double CoercivityLowerBound(Parameter mu)
    {
        ArgumentNullException.ThrowIfNull(mu);
        var theta = _workspace.Value!.Theta;
        EvaluateCoefficients(mu, theta);
        return MinTheta(theta, mu);
    }

    /// <summary>Solves the reduced system at μ and evaluates the outputs and the error bounds.</summary>
    /// <exception cref="ArgumentException">μ lacks a component, has the wrong number of values, or lies outside the model's parameter space (named).</exception>
    public ReducedSolution Solve(Parameter mu)
    {
        ArgumentNullException.ThrowIfNull(mu);
        Data.Space?.Validate(mu);
        var w = _workspace.Value!;
        int n = BasisSize, q = _theta.Length;
        var theta = w.Theta;
        EvaluateCoefficients(mu, theta);
        double alphaLB = MinTheta(theta, mu);

        // A_N(μ) = Σ_q θ_q(μ) Ã_q (lower triangle); A_N(μ) u_N = f̃ by Cholesky (A_N is SPD when A(μ) is coercive),
        // factorised in single precision and refined to double accuracy.
        var a = w.Matrix.Span;
        _operators.Evaluate(theta, a[.._operators.Length]);
        var uN = w.Solution;
        w.Solver.Solve(a, _rightHandSide, uN);

        // r(μ) = f − Σ_n Σ_q θ_q u_n A_q v_n: coefficients y_0 = 1, y_{1+nQ+q} = −θ_q u_n.
        var y = w.ResidualCoefficients.Span;
        y[0] = 1;
        for (int i = 0; i < n; i++)
            for (int k = 0; k < q; k++)
                y[1 + i * q + k] = -theta[k] * uN[i];
        double residualNorm = _residual.Evaluate(y, w.ResidualWork);
        double delta = residualNorm / alphaLB;

        var outputs = new double[_outputs.Length];
        var outputBounds = new double[_outputs.Length];
        for (int i = 0; i < _outputs.Length; i++)
        {
            outputs[i] = Vectors.Dot(_outputs[i].Weights, uN);
            outputBounds[i] = _outputs[i].Compliant ? residualNorm * residualNorm / alphaLB : _outputs[i].DualNorm * delta;
        }
        return new ReducedSolution(uN.ToArray(), outputs, outputBounds, delta, residualNorm, alphaLB);
    }

    /// <summary>Returns the full-order vector V u_N.</summary>
    public double[] Reconstruct(ReadOnlySpan<double> uN)
    {
        if (uN.Length != BasisSize)
            throw new ArgumentException($"u_N has length {uN.Length}, expected the basis size {BasisSize}.", nameof(uN));
        if (Dimension == 0 && BasisSize > 0)
            throw new InvalidOperationException("This reduced model carries no basis (an online-only model), so it cannot reconstruct V u_N.");
        var u = new double[Dimension];
        for (int i = 0; i < uN.Length; i++)
            Vectors.Axpy(uN[i], Data.Basis.AsSpan(i * Dimension, Dimension), u);
        return u;
    }

    private void EvaluateCoefficients(Parameter mu, double[] theta)
    {
        for (int k = 0; k < theta.Length; k++) theta[k] = _theta[k].Evaluate(mu);
    }

    private double MinTheta(double[] theta, Parameter mu)
    {
        if (Data.Coercivity is { } bound)
        {
            double alpha = bound.LowerBound(mu, theta);
            return alpha > 0 && double.IsFinite(alpha)
                ? alpha
                : throw new ArgumentException($"At μ = {mu} the coercivity lower bound is {alpha}; the error bound needs it positive.", nameof(mu));
        }
        double ratio = double.PositiveInfinity;
        for (int k = 0; k < theta.Length; k++) ratio = Math.Min(ratio, theta[k] / _referenceTheta[k]);
        if (!(ratio > 0 && double.IsFinite(ratio)))
            throw new ArgumentException($"At μ = {mu} some θ_q(μ) is not positive (min θ_q(μ)/θ_q(μ̄) = {ratio}); the min-theta bound needs θ_q(μ) > 0.", nameof(mu));
        return Data.ReferenceCoercivity * ratio;
    }
}
