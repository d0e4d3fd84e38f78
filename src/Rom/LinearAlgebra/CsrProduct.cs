namespace Rom.LinearAlgebra;

/// <summary>Sparse–sparse matrix product C = A B in CSR form (Gustavson's row-by-row algorithm).</summary>
public static class CsrProduct
{
    /// <summary>Returns A B; every product term is kept, so structural zeros from cancellation stay stored.</summary>
    public static CsrMatrix Multiply(this CsrMatrix a, CsrMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Cols != b.Rows)
            throw new ArgumentException($"Cannot multiply a {a.Rows}×{a.Cols} matrix by a {b.Rows}×{b.Cols} one: inner dimensions differ.", nameof(b));
        var indptr = new int[a.Rows + 1];
        var indices = new int[Math.Max(a.NonZeros, b.NonZeros)];
        var values = new double[indices.Length];
        // position[j] is where column j of the current row is stored, or below the row start when not yet.
        var position = new int[b.Cols];
        Array.Fill(position, -1);
        int count = 0;
        for (int i = 0; i < a.Rows; i++)
        {
            int start = count;
            for (int ka = a.RowPointers[i]; ka < a.RowPointers[i + 1]; ka++)
            {
                int k = a.ColumnIndices[ka];
                double aik = a.Values[ka];
                for (int kb = b.RowPointers[k]; kb < b.RowPointers[k + 1]; kb++)
                {
                    int j = b.ColumnIndices[kb];
                    if (position[j] >= start)
                    {
                        values[position[j]] += aik * b.Values[kb];
                        continue;
                    }
                    if (count == indices.Length)
                    {
                        Array.Resize(ref indices, 2 * count);
                        Array.Resize(ref values, 2 * count);
                    }
                    position[j] = count;
                    indices[count] = j;
                    values[count] = aik * b.Values[kb];
                    count++;
                }
            }
            Array.Sort(indices, values, start, count - start);
            indptr[i + 1] = count;
        }
        return new CsrMatrix(a.Rows, b.Cols, indptr, indices[..count], values[..count]);
    }
}
