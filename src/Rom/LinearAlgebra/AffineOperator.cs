using Rom.Parameters;

namespace Rom.LinearAlgebra;

/// <summary>
/// A parameter-dependent operator with an affine decomposition A(μ) = Σ_q θ_q(μ) A_q. Reductors project each
/// A_q once; <see cref="At"/> gives the full operator for one μ.
/// </summary>
public sealed class AffineOperator
{
    private readonly CsrLinearCombination? _csr;

    /// <summary>Creates Σ θ_q(μ) A_q from terms of one shape and one coefficient functional per term.</summary>
    public AffineOperator(IReadOnlyList<ILinearOperator> terms, IReadOnlyList<ParameterFunctional> coefficients)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(coefficients);
        if (terms.Count != coefficients.Count)
            throw new ArgumentException($"There are {terms.Count} terms but {coefficients.Count} coefficient functionals.", nameof(coefficients));
        // Checks shapes once (throws on mismatch) and keeps the lazy form for non-CSR terms.
        _ = new LinearCombinationOperator(terms, new double[terms.Count]);
        Terms = terms.ToArray();
        Coefficients = coefficients.ToArray();
        if (Terms.All(t => t is CsrMatrix))
            _csr = new CsrLinearCombination(Terms.Cast<CsrMatrix>().ToArray());
    }

    /// <summary>The parameter-independent operators A_q.</summary>
    public IReadOnlyList<ILinearOperator> Terms { get; }

    /// <summary>The coefficient functionals θ_q.</summary>
    public IReadOnlyList<ParameterFunctional> Coefficients { get; }

    /// <summary>Number of rows of every A_q.</summary>
    public int Rows => Terms[0].Rows;

    /// <summary>Number of columns of every A_q.</summary>
    public int Cols => Terms[0].Cols;

    /// <summary>The coefficients θ_q(μ), q = 0..Q-1.</summary>
    public double[] Evaluate(Parameter mu) => Coefficients.Select(theta => theta.Evaluate(mu)).ToArray();

    /// <summary>A(μ): an assembled <see cref="CsrMatrix"/> when every term is one, else a lazy linear combination.</summary>
    public ILinearOperator At(Parameter mu)
    {
        var theta = Evaluate(mu);
        return _csr is not null ? _csr.Assemble(theta) : new LinearCombinationOperator(Terms, theta);
    }
}
