namespace Rom.LinearAlgebra;

/// <summary>
/// Assembles Σ_q c_q A_q of CSR matrices as one CSR matrix. The union sparsity pattern and each term's
/// position in it are computed once, so every assembly costs one pass over the stored entries.
/// </summary>
public sealed class CsrLinearCombination
{
    private readonly CsrMatrix[] _terms;
    private readonly int[][] _positions;
    private readonly int[] _rowPointers;
    private readonly int[] _columnIndices;

    /// <summary>Prepares the union pattern of matrices of one shape.</summary>
    public CsrLinearCombination(IReadOnlyList<CsrMatrix> terms)
    {
        Require.NotEmpty(terms, "A linear combination needs at least one term.");
        _terms = terms.ToArray();
        int rows = _terms[0].Rows, cols = _terms[0].Cols;
        for (int q = 1; q < _terms.Length; q++)
            if (_terms[q].Rows != rows || _terms[q].Cols != cols)
                throw new ArgumentException($"Term {q} is {_terms[q].Rows}×{_terms[q].Cols}, expected {rows}×{cols} like term 0.", nameof(terms));

        var pattern = new SortedSet<int>();
        var indptr = new int[rows + 1];
        var indices = new List<int>();
        for (int i = 0; i < rows; i++)
        {
            pattern.Clear();
            foreach (var a in _terms)
                for (int k = a.RowPointers[i]; k < a.RowPointers[i + 1]; k++)
                    pattern.Add(a.ColumnIndices[k]);
            indices.AddRange(pattern);
            indptr[i + 1] = indices.Count;
        }
        _rowPointers = indptr;
        _columnIndices = indices.ToArray();
        _positions = new int[_terms.Length][];
        for (int q = 0; q < _terms.Length; q++)
        {
            var a = _terms[q];
            var pos = new int[a.NonZeros];
            for (int i = 0; i < rows; i++)
                for (int k = a.RowPointers[i]; k < a.RowPointers[i + 1]; k++)
                    pos[k] = Array.BinarySearch(_columnIndices, indptr[i], indptr[i + 1] - indptr[i], a.ColumnIndices[k]);
            _positions[q] = pos;
        }
    }

    /// <summary>Number of terms.</summary>
    public int Count => _terms.Length;

    /// <summary>Returns Σ_q c_q A_q on the union pattern.</summary>
    public CsrMatrix Assemble(ReadOnlySpan<double> coefficients)
    {
        if (coefficients.Length != _terms.Length)
            throw new ArgumentException($"Got {coefficients.Length} coefficients for {_terms.Length} terms.", nameof(coefficients));
        var values = new double[_columnIndices.Length];
        for (int q = 0; q < _terms.Length; q++)
        {
            double c = coefficients[q];
            var termValues = _terms[q].Values;
            var pos = _positions[q];
            for (int k = 0; k < pos.Length; k++)
                values[pos[k]] += c * termValues[k];
        }
        return new CsrMatrix(_terms[0].Rows, _terms[0].Cols, _rowPointers, _columnIndices, values);
    }
}
