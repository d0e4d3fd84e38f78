using Rom.LinearAlgebra;

namespace Rom.Krylov.Preconditioners;

/// <summary>
/// Incomplete LU factorisation with no fill-in, ILU(0): L U agrees with A on A's sparsity pattern
/// (Saad, 2nd ed., Algorithm 10.4). For non-symmetric systems with GMRES or BiCGSTAB.
/// </summary>
public sealed class Ilu0Preconditioner : IPreconditioner
{
    private readonly CsrMatrix _lu;
    private readonly int[] _diagonalPointers;
    private readonly double[] _inverseUDiagonal;

    /// <summary>Factorises a square matrix with every diagonal entry stored; throws naming the row of a zero pivot.</summary>
    public Ilu0Preconditioner(CsrMatrix matrix)
    {
        SparseTriangularSweeps.RequireSquare(matrix, "ILU(0)", nameof(matrix));
        var ptr = SparseTriangularSweeps.DiagonalPointers(matrix, nameof(matrix));
        int n = matrix.Rows;
        var ia = matrix.RowPointers;
        var ja = matrix.ColumnIndices;
        var a = (double[])matrix.Values.Clone();
        var iw = new int[n];
        Array.Fill(iw, -1);
        for (int i = 0; i < n; i++)
        {
            for (int p = ia[i]; p < ia[i + 1]; p++) iw[ja[p]] = p;
            // For k = 1..i−1 with (i,k) in NZ(A): a_ik = a_ik/a_kk; a_ij −= a_ik a_kj for j > k with (i,j) in NZ(A).
            for (int p = ia[i]; p < ptr[i]; p++)
            {
                int k = ja[p];
                a[p] /= a[ptr[k]];
                for (int q = ptr[k] + 1; q < ia[k + 1]; q++)
                {
                    int jw = iw[ja[q]];
                    if (jw >= 0) a[jw] -= a[p] * a[q];
                }
            }
            double pivot = a[ptr[i]];
            if (pivot == 0 || !double.IsFinite(pivot))
                throw new ArgumentException($"ILU(0) met the pivot u_{i},{i} = {pivot} at row {i}; it needs non-zero, finite pivots.", nameof(matrix));
            for (int p = ia[i]; p < ia[i + 1]; p++) iw[ja[p]] = -1;
        }
        _lu = new CsrMatrix(n, n, ia, ja, a);
        _diagonalPointers = ptr;
        _inverseUDiagonal = ptr.Select(k => 1 / a[k]).ToArray();
    }

    /// <summary>The factors in one matrix: L strictly below the diagonal (unit diagonal implied), U on and above.</summary>
    public CsrMatrix Factors => _lu;

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<double> r, Span<double> z) =>
        SparseTriangularSweeps.ForwardBackward(_lu, _diagonalPointers, default, _lu, _diagonalPointers, _inverseUDiagonal, r, z);
}
