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
        for (int i = 0; i < x.Length; i++)
            r[i] = SparseTriangularSweeps.Subtract(0, a, diagonalPointers[i] + 1, a.RowPointers[i + 1], x);
    }

    /// <summary>One sweep with i ascending.</summary>
    public static void Forward(CsrMatrix a, int[] diagonalPointers, ReadOnlySpan<double> inverseDiagonal, ReadOnlySpan<double> b, Span<double> x)
    {
        for (int i = 0; i < b.Length; i++)
        {
            // The old values right of the diagonal first, then the new ones left of it, x_{i−1} last.
            double sum = SparseTriangularSweeps.SubtractDescending(b[i], a, diagonalPointers[i] + 1, a.RowPointers[i + 1], x);
            x[i] = SparseTriangularSweeps.Subtract(sum, a, a.RowPointers[i], diagonalPointers[i], x) * inverseDiagonal[i];
        }
    }

    /// <summary>One sweep with i descending.</summary>
    public static void Backward(CsrMatrix a, int[] diagonalPointers, ReadOnlySpan<double> inverseDiagonal, ReadOnlySpan<double> b, Span<double> x)
    {
        for (int i = b.Length - 1; i >= 0; i--)
        {
            // The old values left of the diagonal first, then the new ones right of it, x_{i+1} last: the sweep's
            // dependency chain then holds one multiply-add per row instead of the rest of the row (about 20% faster at 48³).
            double sum = SparseTriangularSweeps.Subtract(b[i], a, a.RowPointers[i], diagonalPointers[i], x);
            x[i] = SparseTriangularSweeps.SubtractDescending(sum, a, diagonalPointers[i] + 1, a.RowPointers[i + 1], x) * inverseDiagonal[i];
        }
    }
}
