namespace Rom.LinearAlgebra.Direct;

/// <summary>
/// The numeric supernodal factorisation by the multifrontal method (I. Duff and J. Reid, ACM TOMS 9, 1983; J. Liu,
/// The multifrontal method for sparse matrix solution, SIAM Review 34, 1992): in postorder, each supernode's frontal
/// matrix is assembled from A and its children's update blocks, its columns are factored densely, and the Schur
/// complement is passed to the parent on a stack.
/// </summary>
internal static class MultifrontalFactorization
{
    /// <summary>
    /// Overwrites <paramref name="factor"/> with the supernodal L of P A Pᵀ, reading the lower-triangle entries of
    /// <paramref name="values"/> (A's CSR values); throws <see cref="NotPositiveDefiniteException"/> on a pivot ≤ 0.
    /// </summary>
    public static void Factor(SymbolicCholesky symbolic, double[] values, double[] factor)
    {
        Array.Clear(factor);
        var source = symbolic.AssemblySource;
        var target = symbolic.AssemblyTarget;
        for (int e = 0; e < source.Length; e++)
            factor[target[e]] += values[source[e]];

        var stack = new double[symbolic.UpdateStackSize];
        var front = new double[symbolic.MaxUpdateSize];
        int top = 0;
        for (int s = 0; s < symbolic.SupernodeCount; s++)
        {
            int first = symbolic.SupernodeStart[s];
            int columns = symbolic.SupernodeStart[s + 1] - first;
            int rows = symbolic.RowStart[s + 1] - symbolic.RowStart[s];
            int r = rows - columns;
            var block = factor.AsSpan(symbolic.ValueStart[s], rows * columns);
            var update = front.AsSpan(0, r * r);
            update.Clear();

            // Extend-add the children's update blocks, the last pushed on top.
            for (int c = symbolic.ChildStart[s + 1] - 1; c >= symbolic.ChildStart[s]; c--)
            {
                int child = symbolic.Children[c];
                int size = symbolic.UpdateSize(child);
                top -= size;
                ExtendAdd(symbolic, child, stack.AsSpan(top, size), block, rows, columns, update);
            }

            int failed = DenseKernels.FactorPanel(block, rows, columns, out double pivot);
            if (failed >= 0)
                throw new NotPositiveDefiniteException(symbolic.Perm[first + failed], pivot, "a");
            DenseKernels.SubtractSchurComplement(block, rows, columns, update);
            update.CopyTo(stack.AsSpan(top));
            top += update.Length;
        }
    }

    /// <summary>Adds the child's update block (lower triangle) into the parent's panel columns or its update block.</summary>
    private static void ExtendAdd(SymbolicCholesky symbolic, int child, ReadOnlySpan<double> childUpdate,
        Span<double> block, int rows, int columns, Span<double> update)
    {
        int childColumns = symbolic.SupernodeStart[child + 1] - symbolic.SupernodeStart[child];
        var position = symbolic.ParentPosition.AsSpan(
            symbolic.RowStart[child] + childColumns,
            symbolic.RowStart[child + 1] - symbolic.RowStart[child] - childColumns);
        int rc = position.Length, r = rows - columns;
        for (int b = 0; b < rc; b++)
        {
            int tb = position[b];
            var from = childUpdate.Slice(b * rc, rc);
            // Positions increase with the row, so rows a ≥ b land on or below the diagonal of column tb.
            if (tb < columns)
            {
                var to = block.Slice(tb * rows);
                for (int a = b; a < rc; a++) to[position[a]] += from[a];
            }
            else
            {
                // Update row i sits at i − columns, so row position[a] of column tb is at offset + position[a].
                int offset = (tb - columns) * r - columns;
                for (int a = b; a < rc; a++) update[offset + position[a]] += from[a];
            }
        }
    }
}
