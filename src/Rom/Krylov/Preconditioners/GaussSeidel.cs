using Rom.LinearAlgebra;

namespace Rom.Krylov.Preconditioners;

/// <summary>
/// In-place Gauss–Seidel sweeps x_i ← (b_i − Σ_{j≠i} a_ij x_j)/a_ii (Saad, 2nd ed., §4.1); a forward sweep
/// followed by a backward one is the symmetric Gauss–Seidel smoother.
/// </summary>
internal static class GaussSeidel
{
    /// <summary>One sweep with i ascending.</summary>
    public static void Forward(CsrMatrix a, ReadOnlySpan<double> inverseDiagonal, ReadOnlySpan<double> b, Span<double> x)
    {
        for (int i = 0; i < b.Length; i++) Relax(a, inverseDiagonal, b, x, i);
    }

    /// <summary>One sweep with i descending.</summary>
    public static void Backward(CsrMatrix a, ReadOnlySpan<double> inverseDiagonal, ReadOnlySpan<double> b, Span<double> x)
    {
        for (int i = b.Length - 1; i >= 0; i--) Relax(a, inverseDiagonal, b, x, i);
    }

    private static void Relax(CsrMatrix a, ReadOnlySpan<double> inverseDiagonal, ReadOnlySpan<double> b, Span<double> x, int i)
    {
        // Σ_j a_ij x_j over the whole row, then the diagonal term added back: x_i + (b_i − (A x)_i)/a_ii.
        double sum = b[i];
        var indices = a.ColumnIndices;
        var values = a.Values;
        for (int k = a.RowPointers[i]; k < a.RowPointers[i + 1]; k++)
            sum -= values[k] * x[indices[k]];
        x[i] += sum * inverseDiagonal[i];
    }
}
