using Rom.LinearAlgebra;

namespace Rom.Krylov.Preconditioners;

/// <summary>
/// The coarsening steps of smoothed aggregation (Vaněk, Mandel &amp; Brezina, "Algebraic multigrid by smoothed
/// aggregation for second and fourth order elliptic problems", Computing 56, 1996): strong neighbourhoods,
/// greedy aggregation, the tentative prolongator from the constant near-null-space vector, and its Jacobi smoothing.
/// </summary>
internal static class AggregationCoarsening
{
    /// <summary>
    /// The strong neighbourhoods N_i(θ) = { j ≠ i : |a_ij| ≥ θ √(|a_ii a_jj|) } as CSR row pointers and columns.
    /// </summary>
    public static (int[] Pointers, int[] Neighbours) StrongNeighbourhoods(CsrMatrix a, ReadOnlySpan<double> diagonal, double theta)
    {
        var pointers = new int[a.Rows + 1];
        var neighbours = new List<int>(a.NonZeros);
        for (int i = 0; i < a.Rows; i++)
        {
            for (int k = a.RowPointers[i]; k < a.RowPointers[i + 1]; k++)
            {
                int j = a.ColumnIndices[k];
                if (j != i && a.Values[k] != 0 && Math.Abs(a.Values[k]) >= theta * Math.Sqrt(Math.Abs(diagonal[i] * diagonal[j])))
                    neighbours.Add(j);
            }
            pointers[i + 1] = neighbours.Count;
        }
        return (pointers, neighbours.ToArray());
    }

    /// <summary>
    /// Greedy aggregation: (1) every node whose strong neighbourhood is wholly unaggregated starts an aggregate of
    /// itself and that neighbourhood; (2) each left-over node joins the step-1 aggregate of a strong neighbour;
    /// (3) what remains is grouped with its unaggregated strong neighbours. Returns the aggregate of every node and
    /// the aggregate count.
    /// </summary>
    public static (int[] AggregateOf, int Count) Aggregate(int[] pointers, int[] neighbours)
    {
        int n = pointers.Length - 1;
        var aggregateOf = new int[n];
        Array.Fill(aggregateOf, -1);
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            if (aggregateOf[i] >= 0) continue;
            bool free = true;
            for (int k = pointers[i]; k < pointers[i + 1] && free; k++)
                free = aggregateOf[neighbours[k]] < 0;
            if (!free) continue;
            aggregateOf[i] = count;
            for (int k = pointers[i]; k < pointers[i + 1]; k++) aggregateOf[neighbours[k]] = count;
            count++;
        }

        var firstPass = (int[])aggregateOf.Clone();
        for (int i = 0; i < n; i++)
        {
            if (aggregateOf[i] >= 0) continue;
            for (int k = pointers[i]; k < pointers[i + 1]; k++)
                if (firstPass[neighbours[k]] >= 0)
                {
                    aggregateOf[i] = firstPass[neighbours[k]];
                    break;
                }
        }

        for (int i = 0; i < n; i++)
        {
            if (aggregateOf[i] >= 0) continue;
            aggregateOf[i] = count;
            for (int k = pointers[i]; k < pointers[i + 1]; k++)
                if (aggregateOf[neighbours[k]] < 0) aggregateOf[neighbours[k]] = count;
            count++;
        }
        return (aggregateOf, count);
    }

    /// <summary>The tentative prolongator T with T_{i, aggregate(i)} = 1: the constant vector on each aggregate.</summary>
    public static CsrMatrix TentativeProlongator(int[] aggregateOf, int count)
    {
        int n = aggregateOf.Length;
        return new CsrMatrix(n, count, Enumerable.Range(0, n + 1).ToArray(), (int[])aggregateOf.Clone(), Enumerable.Repeat(1.0, n).ToArray());
    }

    /// <summary>The smoothed prolongator P = (I − ω D⁻¹ A) T.</summary>
    public static CsrMatrix SmoothedProlongator(CsrMatrix a, ReadOnlySpan<double> diagonal, CsrMatrix tentative, double omega)
    {
        var at = a.Multiply(tentative);
        var rows = new int[at.NonZeros + tentative.NonZeros];
        var cols = new int[rows.Length];
        var vals = new double[rows.Length];
        int p = 0;
        for (int i = 0; i < at.Rows; i++)
        {
            double scale = -omega / diagonal[i];
            for (int k = at.RowPointers[i]; k < at.RowPointers[i + 1]; k++, p++)
                (rows[p], cols[p], vals[p]) = (i, at.ColumnIndices[k], scale * at.Values[k]);
            for (int k = tentative.RowPointers[i]; k < tentative.RowPointers[i + 1]; k++, p++)
                (rows[p], cols[p], vals[p]) = (i, tentative.ColumnIndices[k], tentative.Values[k]);
        }
        return CsrMatrix.FromTriplets(at.Rows, at.Cols, rows, cols, vals);
    }
}
