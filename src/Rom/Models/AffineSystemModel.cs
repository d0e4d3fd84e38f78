using Rom.LinearAlgebra;
using Rom.Parameters;

namespace Rom.Models;

/// <summary>
/// A full-order model given only by matrices, e.g. exported by another code: A(μ) = Σ_q μ_q A_q with a fixed
/// right-hand side f. The energy product is X = Σ_q A_q = A(1, …, 1), so when every A_q is symmetric positive
/// semi-definite the min-theta rule with μ̄ = (1, …, 1) gives a valid coercivity bound for reduced bases. Its outputs
/// are the compliance fᵀu and any given vectors l (<see cref="OutputFunctional.WithCompliance"/>).
/// </summary>
public sealed class AffineSystemModel : IAffineModel
{
    /// <summary>Name of the parameter: its entry q multiplies A_q.</summary>
    public const string ParameterName = "mu";

    private readonly double[] _rightHandSide;

    /// <summary>Creates the model from square terms of one size, the right-hand side, the range of every μ_q and further outputs.</summary>
    public AffineSystemModel(IReadOnlyList<CsrMatrix> terms, double[] rightHandSide, double lower, double upper, IReadOnlyList<OutputFunctional>? outputs = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(rightHandSide);
        if (terms.Count == 0)
            throw new ArgumentException("At least one operator term is needed.", nameof(terms));
        if (terms[0].Rows != terms[0].Cols || rightHandSide.Length != terms[0].Rows)
            throw new ArgumentException($"Expected square terms and a right-hand side of their size; got {terms[0].Rows}×{terms[0].Cols} and {rightHandSide.Length}.", nameof(rightHandSide));
        if (!(lower > 0))
            throw new ArgumentOutOfRangeException(nameof(lower), lower, "The coefficients μ_q must be positive for the energy product Σ A_q to bound A(μ).");
        ParameterSpace = new ParameterSpace([new ParameterRange(ParameterName, terms.Count, lower, upper)]);
        AffineOperator = new AffineOperator(terms, Enumerable.Range(0, terms.Count).Select(q => (ParameterFunctional)new ProjectionFunctional(ParameterName, q)).ToArray());
        EnergyProduct = new CsrLinearCombination(terms).Assemble(Enumerable.Repeat(1.0, terms.Count).ToArray());
        _rightHandSide = (double[])rightHandSide.Clone();
        Outputs = OutputFunctional.WithCompliance(_rightHandSide, outputs);
    }

    /// <inheritdoc />
    public ParameterSpace ParameterSpace { get; }

    /// <inheritdoc />
    public int Dimension => _rightHandSide.Length;

    /// <inheritdoc />
    public AffineOperator AffineOperator { get; }

    /// <inheritdoc />
    public ILinearOperator EnergyProduct { get; }

    /// <inheritdoc />
    public IReadOnlyList<OutputFunctional> Outputs { get; }

    /// <summary>μ̄ = (1, …, 1): the parameter at which A(μ̄) equals the energy product.</summary>
    public Parameter ReferenceParameter => Parameter.Of(ParameterName, Enumerable.Repeat(1.0, ParameterSpace.TotalDimension).ToArray());

    /// <inheritdoc />
    public ILinearOperator Operator(Parameter mu)
    {
        ParameterSpace.Validate(mu);
        return AffineOperator.At(mu);
    }

    /// <inheritdoc />
    public double[] RightHandSide(Parameter mu) => (double[])_rightHandSide.Clone();
}
