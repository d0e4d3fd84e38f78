namespace Rom.LinearAlgebra;

/// <summary>The operator Σ_q c_q A_q applied term by term, without assembling the sum.</summary>
public sealed class LinearCombinationOperator : ILinearOperator
{
    private readonly ILinearOperator[] _terms;
    private readonly double[] _coefficients;

    /// <summary>Creates Σ c_q A_q; all terms must have the same shape.</summary>
    public LinearCombinationOperator(IReadOnlyList<ILinearOperator> terms, IReadOnlyList<double> coefficients)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(coefficients);
        if (terms.Count == 0)
            throw new ArgumentException("A linear combination needs at least one term.", nameof(terms));
        if (terms.Count != coefficients.Count)
            throw new ArgumentException($"There are {terms.Count} terms but {coefficients.Count} coefficients.", nameof(coefficients));
        for (int q = 1; q < terms.Count; q++)
            if (terms[q].Rows != terms[0].Rows || terms[q].Cols != terms[0].Cols)
                throw new ArgumentException($"Term {q} is {terms[q].Rows}×{terms[q].Cols}, expected {terms[0].Rows}×{terms[0].Cols} like term 0.", nameof(terms));
        _terms = terms.ToArray();
        _coefficients = coefficients.ToArray();
    }

    /// <inheritdoc />
    public int Rows => _terms[0].Rows;

    /// <inheritdoc />
    public int Cols => _terms[0].Cols;

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        OperatorChecks.Apply(this, x.Length, y.Length);
        y.Clear();
        var work = new double[Rows];
        for (int q = 0; q < _terms.Length; q++)
        {
            if (_coefficients[q] == 0) continue;
            _terms[q].Apply(x, work);
            Vectors.Axpy(_coefficients[q], work, y);
        }
    }
}
