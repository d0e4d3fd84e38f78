using Rom.Parameters;
using Rom.Reduction.Coercivity;
using Rom.Reduction.Residuals;

namespace Rom.Reduction;

/// <summary>
/// Everything a <see cref="ReducedModel"/> is made of, as plain arrays, so other code can save and restore it.
/// Residual term order: j = 0 is f, j = 1 + n·Q + q is A_q v_n.
/// </summary>
/// <param name="Coefficients">θ_q, q = 0..Q−1.</param>
/// <param name="Operators">Ã_q = Vᵀ A_q V, each N × N.</param>
/// <param name="RightHandSide">f̃ = Vᵀ f (length N).</param>
/// <param name="Outputs">The reduced outputs.</param>
/// <param name="ReferenceParameter">μ̄ of the min-theta rule.</param>
/// <param name="ReferenceCoercivity">α(μ̄), the coercivity constant of A(μ̄) with respect to X.</param>
/// <param name="Residual">The online data of ‖r(μ)‖_{X'} over the 1 + Q·N residual terms.</param>
/// <param name="Dimension">Full-order dimension n.</param>
/// <param name="Basis">V, n × N column-major (column n occupies entries n·Dimension … (n+1)·Dimension − 1).</param>
/// <param name="Coercivity">α_LB(μ) in place of the min-theta rule (default null: min-theta over all terms).</param>
/// <param name="Space">The parameter space the model was built on: <see cref="ReducedModel.Solve"/> refuses μ outside it (null: unchecked).</param>
public sealed record ReducedModelData(
    IReadOnlyList<ParameterFunctional> Coefficients,
    IReadOnlyList<double[,]> Operators,
    double[] RightHandSide,
    IReadOnlyList<ReducedOutput> Outputs,
    Parameter ReferenceParameter,
    double ReferenceCoercivity,
    ResidualNormData Residual,
    int Dimension,
    double[] Basis,
    ICoercivityBound? Coercivity = null,
    ParameterSpace? Space = null)
{
    /// <summary>Basis size N.</summary>
    public int BasisSize => RightHandSide.Length;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the field whose shape does not fit the others.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Coefficients);
        ArgumentNullException.ThrowIfNull(Operators);
        ArgumentNullException.ThrowIfNull(RightHandSide);
        ArgumentNullException.ThrowIfNull(Outputs);
        ArgumentNullException.ThrowIfNull(ReferenceParameter);
        ArgumentNullException.ThrowIfNull(Residual);
        ArgumentNullException.ThrowIfNull(Basis);
        int q = Coefficients.Count, n = BasisSize;
        if (q == 0)
            throw new ArgumentException("There must be at least one affine term.", nameof(Coefficients));
        if (Operators.Count != q)
            throw new ArgumentException($"There are {Operators.Count} reduced operators for {q} coefficients.", nameof(Operators));
        for (int i = 0; i < q; i++)
            if (Operators[i] is null || Operators[i].GetLength(0) != n || Operators[i].GetLength(1) != n)
                throw new ArgumentException($"Reduced operator {i} is not {n}×{n}.", nameof(Operators));
        foreach (var output in Outputs)
            if (output.Weights is null || output.Weights.Length != n)
                throw new ArgumentException($"Output '{output.Name}' has {output.Weights?.Length} weights, expected {n}.", nameof(Outputs));
        if (!(ReferenceCoercivity > 0 && double.IsFinite(ReferenceCoercivity)))
            throw new ArgumentOutOfRangeException(nameof(ReferenceCoercivity), ReferenceCoercivity, "α(μ̄) must be positive and finite.");
        Residual.Validate();
        if (Residual.Terms != 1 + q * n)
            throw new ArgumentException($"The residual data cover {Residual.Terms} terms, expected 1 + Q·N = {1 + q * n}.", nameof(Residual));
        if (Dimension < 0 || Basis.Length != (long)Dimension * n)
            throw new ArgumentException($"The basis has {Basis.Length} entries, expected Dimension × N = {Dimension} × {n}.", nameof(Basis));
    }

    /// <summary>The data of the reduced model on the first <paramref name="basisSize"/> basis vectors.</summary>
    public ReducedModelData Truncate(int basisSize)
    {
        if (basisSize < 0 || basisSize > BasisSize)
            throw new ArgumentOutOfRangeException(nameof(basisSize), basisSize, $"The basis size must lie in 0..{BasisSize}.");
        return this with
        {
            Operators = Operators.Select(a => Leading(a, basisSize)).ToArray(),
            RightHandSide = RightHandSide[..basisSize],
            Outputs = Outputs.Select(o => o with { Weights = o.Weights[..basisSize] }).ToArray(),
            Residual = Residual.Truncate(1 + Coefficients.Count * basisSize),
            Basis = Basis[..(Dimension * basisSize)],
        };
    }

    private static double[,] Leading(double[,] a, int size)
    {
        var b = new double[size, size];
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++)
                b[i, j] = a[i, j];
        return b;
    }
}
