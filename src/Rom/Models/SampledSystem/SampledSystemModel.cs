using Rom.LinearAlgebra;
using Rom.Parameters;

namespace Rom.Models.SampledSystem;

/// <summary>
/// A non-affine family A(μ) u = f known only through assembled matrices at sampled parameters (nonintrusive): the
/// training matrices, extra samples (e.g. test matrices) and the right-hand side, and optionally the family as an
/// <see cref="ElementFormula"/> that gives A(μ)'s stored values at any μ. The energy product is the mean training
/// matrix X = (1/J) Σ_j A(μ_j). Its affine surrogate by operator EIM, with a sampled coercivity bound, is
/// built on the reduction side (<c>SampledSystemInterpolation</c>).
/// </summary>
public sealed class SampledSystemModel : IFullOrderModel
{
    private readonly MatrixSample[] _samples;
    private readonly double[][] _sampleVectors;
    private readonly double[] _rightHandSide;

    /// <summary>
    /// Checks and keeps the samples: every matrix square, on the pattern of the first training matrix, at a parameter of
    /// <paramref name="space"/>. With a <paramref name="formula"/> (values of A(μ) on the common pattern; the caller checks
    /// it against the samples), the family is known at every μ as well.
    /// </summary>
    public SampledSystemModel(ParameterSpace space, IReadOnlyList<MatrixSample> training, IReadOnlyList<MatrixSample> extra,
        double[] rightHandSide, ElementFormula? formula = null, IReadOnlyList<OutputFunctional>? outputs = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(extra);
        ArgumentNullException.ThrowIfNull(rightHandSide);
        if (training.Count == 0)
            throw new ArgumentException("At least one training matrix is needed.", nameof(training));
        var first = training[0].Matrix;
        if (first.Rows != first.Cols || rightHandSide.Length != first.Rows)
            throw new ArgumentException($"Expected square matrices and a right-hand side of their size; got {first.Rows}×{first.Cols} and {rightHandSide.Length}.", nameof(rightHandSide));
        if (formula is not null && formula.ElementMap.Rows != first.NonZeros)
            throw new ArgumentException($"The element map has {formula.ElementMap.Rows} rows; expected one per stored entry of the pattern ({first.NonZeros}).", nameof(formula));
        foreach (var sample in training.Concat(extra))
        {
            space.Validate(sample.Mu);
            if (!SamePattern(sample.Matrix, first))
                throw new ArgumentException($"The matrix at {sample.Mu} has another sparsity pattern than at {training[0].Mu}; operator EIM needs one pattern.", nameof(extra));
        }
        ParameterSpace = space;
        Formula = formula;
        _samples = [.. training, .. extra];
        _sampleVectors = _samples.Select(t => space.ToVector(t.Mu)).ToArray();
        _rightHandSide = (double[])rightHandSide.Clone();
        Outputs = OutputFunctional.WithCompliance(_rightHandSide, outputs);
        Training = training.ToArray();
        TrainingParameters = training.Select(t => t.Mu).ToArray();

        var mean = new double[first.NonZeros];
        foreach (var t in training) Vectors.Axpy(1.0 / training.Count, t.Matrix.Values, mean);
        EnergyProduct = first.WithValues(mean);
    }

    /// <summary>The training samples, in order.</summary>
    public IReadOnlyList<MatrixSample> Training { get; }

    /// <summary>The parameters of the training matrices, in order.</summary>
    public IReadOnlyList<Parameter> TrainingParameters { get; }

    /// <summary>A(μ)'s stored values on the common pattern by a formula, or null when the family is known only at its samples.</summary>
    public ElementFormula? Formula { get; }

    /// <inheritdoc />
    public ParameterSpace ParameterSpace { get; }

    /// <inheritdoc />
    public int Dimension => _rightHandSide.Length;

    /// <summary>X = the mean training matrix (a CsrMatrix on the common pattern).</summary>
    public ILinearOperator EnergyProduct { get; }

    /// <summary>The compliance fᵀu and the given outputs (<see cref="OutputFunctional.WithCompliance"/>).</summary>
    public IReadOnlyList<OutputFunctional> Outputs { get; }

    /// <summary>The exact A(μ): the carried matrix of a sampled parameter (see <see cref="Sampled"/>).</summary>
    public ILinearOperator Operator(Parameter mu)
    {
        ParameterSpace.Validate(mu);
        return Sampled(mu);
    }

    /// <inheritdoc />
    public double[] RightHandSide(Parameter mu) => (double[])_rightHandSide.Clone();

    /// <summary>The carried matrix A(μ) of a sampled parameter (matched by value).</summary>
    public CsrMatrix Sampled(Parameter mu)
    {
        ArgumentNullException.ThrowIfNull(mu);
        var v = ParameterSpace.ToVector(mu);
        for (int j = 0; j < _samples.Length; j++)
            if (ReferenceEquals(_samples[j].Mu, mu) || _sampleVectors[j].AsSpan().SequenceEqual(v))
                return _samples[j].Matrix;
        throw new ArgumentException($"No matrix is carried for {mu}: a sampled family is evaluated only at its sampled parameters.", nameof(mu));
    }

    private static bool SamePattern(CsrMatrix a, CsrMatrix b) =>
        a.Rows == b.Rows && a.Cols == b.Cols && a.RowPointers.AsSpan().SequenceEqual(b.RowPointers) && a.ColumnIndices.AsSpan().SequenceEqual(b.ColumnIndices);
}
