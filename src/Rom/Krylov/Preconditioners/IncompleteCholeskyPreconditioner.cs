using Rom.LinearAlgebra;

namespace Rom.Krylov.Preconditioners;

/// <summary>
/// Incomplete Cholesky with no fill-in, IC(0): L Lᵀ agrees with A on the pattern of A's lower triangle
/// (Saad, 2nd ed., §10.3.2, the symmetric counterpart of Algorithm 10.4). Reads only the lower triangle of A.
/// </summary>
public sealed class IncompleteCholeskyPreconditioner : IPreconditioner
{
    private readonly CsrMatrix _l;
    private readonly CsrMatrix _lt;
    private readonly int[] _lDiagonalPointers;
    private readonly int[] _ltDiagonalPointers;
    private readonly double[] _inverseDiagonal;

    /// <summary>
    /// Factorises A + shift·diag(A) for a symmetric matrix; throws naming the row when a pivot is not positive
    /// (a positive <paramref name="diagonalShift"/>, e.g. 0.01, is the usual remedy).
    /// </summary>
    public IncompleteCholeskyPreconditioner(CsrMatrix matrix, double diagonalShift = 0)
    {
        SparseTriangularSweeps.RequireSquare(matrix, "IC(0)", nameof(matrix));
        if (!(diagonalShift >= 0 && double.IsFinite(diagonalShift)))
            throw new ArgumentOutOfRangeException(nameof(diagonalShift), diagonalShift, "The diagonal shift must be finite and non-negative.");
        var lower = LowerTriangle(matrix);
        int n = matrix.Rows;
        var ia = lower.RowPointers;
        var ja = lower.ColumnIndices;
        var l = lower.Values;
        var iw = new int[n];
        Array.Fill(iw, -1);
        for (int i = 0; i < n; i++)
        {
            int diagonal = ia[i + 1] - 1;
            if (ia[i + 1] == ia[i] || ja[diagonal] != i)
                throw new ArgumentException($"Row {i} has no stored diagonal entry; IC(0) needs every diagonal entry.", nameof(matrix));
            for (int p = ia[i]; p < diagonal; p++) iw[ja[p]] = p;
            // l_ik = (a_ik − Σ_{j<k} l_ij l_kj)/l_kk over the pattern, then l_ii = √(a_ii − Σ_{k<i} l_ik²).
            double pivot = l[diagonal] * (1 + diagonalShift);
            for (int p = ia[i]; p < diagonal; p++)
            {
                int k = ja[p];
                double sum = l[p];
                for (int q = ia[k]; q < ia[k + 1] - 1; q++)
                {
                    int jw = iw[ja[q]];
                    if (jw >= 0) sum -= l[jw] * l[q];
                }
                l[p] = sum / l[ia[k + 1] - 1];
                pivot -= l[p] * l[p];
            }
            if (!(pivot > 0) || !double.IsFinite(pivot))
                throw new ArgumentException(
                    $"IC(0) met the pivot {pivot} ≤ 0 at row {i} (diagonal shift {diagonalShift}); the matrix is not SPD or needs a larger diagonal shift.",
                    nameof(matrix));
            l[diagonal] = Math.Sqrt(pivot);
            for (int p = ia[i]; p < diagonal; p++) iw[ja[p]] = -1;
        }
        _l = lower;
        _lt = lower.Transpose();
        _lDiagonalPointers = Enumerable.Range(0, n).Select(i => ia[i + 1] - 1).ToArray();
        _ltDiagonalPointers = _lt.RowPointers[..n];
        _inverseDiagonal = _lDiagonalPointers.Select(k => 1 / l[k]).ToArray();
    }

    /// <summary>The incomplete factor L (lower triangular, positive diagonal).</summary>
    public CsrMatrix Factor => _l;

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<double> r, Span<double> z) =>
        SparseTriangularSweeps.ForwardBackward(_l, _lDiagonalPointers, _inverseDiagonal, _lt, _ltDiagonalPointers, _inverseDiagonal, r, z);

    private static CsrMatrix LowerTriangle(CsrMatrix a)
    {
        var indptr = new int[a.Rows + 1];
        var indices = new List<int>();
        var values = new List<double>();
        for (int i = 0; i < a.Rows; i++)
        {
            for (int k = a.RowPointers[i]; k < a.RowPointers[i + 1] && a.ColumnIndices[k] <= i; k++)
            {
                indices.Add(a.ColumnIndices[k]);
                values.Add(a.Values[k]);
            }
            indptr[i + 1] = indices.Count;
        }
        return new CsrMatrix(a.Rows, a.Cols, indptr, indices.ToArray(), values.ToArray());
    }
}
