namespace Rom.LinearAlgebra.Direct;

/// <summary>
/// Forward and back substitution with a supernodal factor, L y = b then Lᵀ x = y, column by column within each
/// dense block (Davis, Direct Methods for Sparse Linear Systems, §3.1 and §4.8). Right-hand sides are handled
/// together per supernode so that each block is read from memory once for all of them.
/// </summary>
internal static class SupernodalSolve
{
    /// <summary>Overwrites the <paramref name="count"/> column-major vectors in <paramref name="y"/> (permuted numbering) with (L Lᵀ)⁻¹ y.</summary>
    public static void Solve(SymbolicCholesky symbolic, double[] factor, Span<double> y, int count)
    {
        int n = symbolic.Dimension;
        for (int s = 0; s < symbolic.SupernodeCount; s++)
            for (int k = 0; k < count; k++)
                Forward(symbolic, factor, s, y.Slice(k * n, n));
        for (int s = symbolic.SupernodeCount - 1; s >= 0; s--)
            for (int k = 0; k < count; k++)
                Backward(symbolic, factor, s, y.Slice(k * n, n));
    }

    /// <summary>Solves with the supernode's columns of L: v_j ← v_j / l_jj, then v_i −= l_ij v_j below.</summary>
    private static void Forward(SymbolicCholesky symbolic, double[] factor, int s, Span<double> v)
    {
        int first = symbolic.SupernodeStart[s], columns = symbolic.SupernodeStart[s + 1] - first;
        var rows = symbolic.Rows.AsSpan(symbolic.RowStart[s], symbolic.RowStart[s + 1] - symbolic.RowStart[s]);
        int m = rows.Length;
        for (int j = 0; j < columns; j++)
        {
            var l = factor.AsSpan(symbolic.ValueStart[s] + j * m, m);
            double x = v[first + j] / l[j];
            v[first + j] = x;
            for (int i = j + 1; i < columns; i++) v[first + i] -= l[i] * x;
            for (int i = columns; i < m; i++) v[rows[i]] -= l[i] * x;
        }
    }

    /// <summary>Solves with the supernode's rows of Lᵀ, last column first: v_j ← (v_j − Σ_{i&gt;j} l_ij v_i) / l_jj.</summary>
    private static void Backward(SymbolicCholesky symbolic, double[] factor, int s, Span<double> v)
    {
        int first = symbolic.SupernodeStart[s], columns = symbolic.SupernodeStart[s + 1] - first;
        var rows = symbolic.Rows.AsSpan(symbolic.RowStart[s], symbolic.RowStart[s + 1] - symbolic.RowStart[s]);
        int m = rows.Length;
        for (int j = columns - 1; j >= 0; j--)
        {
            var l = factor.AsSpan(symbolic.ValueStart[s] + j * m, m);
            double sum = v[first + j];
            for (int i = columns; i < m; i++) sum -= l[i] * v[rows[i]];
            for (int i = j + 1; i < columns; i++) sum -= l[i] * v[first + i];
            v[first + j] = sum / l[j];
        }
    }
}
