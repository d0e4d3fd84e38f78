using Rom.LinearAlgebra;

namespace Rom.Krylov.Preconditioners;

/// <summary>
/// In-place Gauss–Seidel sweeps x_i ← (b_i − Σ_{j≠i} a_ij x_j)/a_ii (Saad, 2nd ed., §4.1); a forward sweep
/// followed by a backward one is the symmetric Gauss–Seidel smoother. Rows are split at their diagonal entries
/// (<see cref="SparseTriangularSweeps.DiagonalPointers"/>), so columns must be sorted, as CSR here guarantees.
/// </summary>
internal static class GaussSeidel
{
    /// <summary>
    /// One forward sweep from x = 0, which overwrites x: x_i = (b_i − Σ_{j&lt;i} a_ij x_j)/a_ii. The entries right of
    /// the diagonal multiply zeros, so only the lower triangle is read (half the work of <see cref="Forward"/>).
    /// </summary>
    public static void ForwardFromZero(CsrMatrix a, int[] diagonalPointers, ReadOnlySpan<double> inverseDiagonal, ReadOnlySpan<double> b, Span<double> x) =>
        SparseTriangularSweeps.Forward(a, diagonalPointers, inverseDiagonal, b, x);

    /// <summary>
    /// The residual r = b − A x right after <see cref="ForwardFromZero"/>: each row was solved with the entries left
    /// of the diagonal, so (b − A x)_i = −Σ_{j&gt;i} a_ij x_j and only the strictly upper triangle is read.
    /// </summary>
    public static void ResidualAfterForwardFromZero(CsrMatrix a, int[] diagonalPointers, ReadOnlySpan<double> x, Span<double> r)
    {
        var indptr = a.RowPointers;
        var indices = a.ColumnIndices;
        var values = a.Values;
        for (int i = 0; i < x.Length; i++)
        {
            double sum = 0;
            for (int k = diagonalPointers[i] + 1; k < indptr[i + 1]; k++)
                sum -= values[k] * x[indices[k]];
            r[i] = sum;
        }
    }

    /// <summary>One sweep with i ascending.</summary>
    public static void Forward(CsrMatrix a, int[] diagonalPointers, ReadOnlySpan<double> inverseDiagonal, ReadOnlySpan<double> b, Span<double> x)
    {
        var indptr = a.RowPointers;
        var indices = a.ColumnIndices;
        var values = a.Values;
        for (int i = 0; i < b.Length; i++)
        {
            // The old values right of the diagonal first, then the new ones left of it, x_{i−1} last.
            double sum = b[i];
            for (int k = indptr[i + 1] - 1; k > diagonalPointers[i]; k--)
                sum -= values[k] * x[indices[k]];
            for (int k = indptr[i]; k < diagonalPointers[i]; k++)
                sum -= values[k] * x[indices[k]];
            x[i] = sum * inverseDiagonal[i];
        }
    }

    /// <summary>One sweep with i descending.</summary>
    public static void Backward(CsrMatrix a, int[] diagonalPointers, ReadOnlySpan<double> inverseDiagonal, ReadOnlySpan<double> b, Span<double> x)
    {
        var indptr = a.RowPointers;
        var indices = a.ColumnIndices;
        var values = a.Values;
        for (int i = b.Length - 1; i >= 0; i--)
        {
            // The old values left of the diagonal first, then the new ones right of it, x_{i+1} last: the sweep's
            // dependency chain then holds one multiply-add per row instead of the rest of the row (about 20% faster at 48³).
            double sum = b[i];
            for (int k = indptr[i]; k < diagonalPointers[i]; k++)
                sum -= values[k] * x[indices[k]];
            for (int k = indptr[i + 1] - 1; k > diagonalPointers[i]; k--)
                sum -= values[k] * x[indices[k]];
            x[i] = sum * inverseDiagonal[i];
        }
    }
}
