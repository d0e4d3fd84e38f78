namespace Rom.LinearAlgebra;

/// <summary>
/// Sparse–sparse matrix product C = A B in CSR form (Gustavson's row-by-row algorithm), split into a symbolic phase
/// (<see cref="Pattern"/>: which entries C stores) and a numeric one (<see cref="Refill"/>: their values), so that a
/// product with a fixed pattern, as in <see cref="GalerkinProduct"/>, repeats only the second.
/// </summary>
public static class CsrProduct
{
    /// <summary>Rows per parallel block of the numeric phase; smaller products stay on the calling thread.</summary>
    private const int RowsPerBlock = 4096;

    /// <summary>Returns A B; every product term is kept, so structural zeros from cancellation stay stored.</summary>
    public static CsrMatrix Multiply(this CsrMatrix a, CsrMatrix b)
    {
        var pattern = a.Pattern(b);
        Refill(a, b, pattern, pattern.Values);
        return pattern;
    }

    /// <summary>
    /// The sparsity pattern of A B (every position some product term a_ik b_kj reaches, columns sorted), with all
    /// values zero; throws <see cref="ArgumentException"/> when the inner dimensions differ.
    /// </summary>
    public static CsrMatrix Pattern(this CsrMatrix a, CsrMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Cols != b.Rows)
            throw new ArgumentException($"Cannot multiply a {a.Rows}×{a.Cols} matrix by a {b.Rows}×{b.Cols} one: inner dimensions differ.", nameof(b));
        int[] aPointers = a.RowPointers, aIndices = a.ColumnIndices, bPointers = b.RowPointers, bIndices = b.ColumnIndices;
        var indptr = new int[a.Rows + 1];
        var indices = new int[Math.Max(a.NonZeros, b.NonZeros)];
        // lastRow[j] is the last row whose pattern holds column j.
        var lastRow = new int[b.Cols];
        Array.Fill(lastRow, -1);
        int count = 0;
        for (int i = 0; i < a.Rows; i++)
        {
            int start = count;
            for (int ka = aPointers[i]; ka < aPointers[i + 1]; ka++)
            {
                int k = aIndices[ka];
                for (int kb = bPointers[k]; kb < bPointers[k + 1]; kb++)
                {
                    int j = bIndices[kb];
                    if (lastRow[j] == i) continue;
                    lastRow[j] = i;
                    if (count == indices.Length) Array.Resize(ref indices, 2 * count);
                    indices[count++] = j;
                }
            }
            indices.AsSpan(start, count - start).Sort();
            indptr[i + 1] = count;
        }
        return new CsrMatrix(a.Rows, b.Cols, indptr, indices[..count], new double[count]);
    }

    /// <summary>
    /// Writes the values of A B on <paramref name="c"/>, the pattern of A B (<see cref="Pattern"/>), into
    /// <paramref name="values"/>: row by row, rows in parallel, each row accumulated densely with the terms in the order
    /// k ascending through A's row, then B's row k, so equal inputs give bitwise equal values.
    /// </summary>
    public static void Refill(CsrMatrix a, CsrMatrix b, CsrMatrix c, double[] values)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(values);
        if (a.Cols != b.Rows || c.Rows != a.Rows || c.Cols != b.Cols || values.Length != c.NonZeros)
            throw new ArgumentException(
                $"A B on a pattern needs A m×k, B k×n, C m×n and one value per stored entry of C; got A {a.Rows}×{a.Cols}, B {b.Rows}×{b.Cols}, C {c.Rows}×{c.Cols} with {c.NonZeros} entries, {values.Length} values.",
                nameof(c));
        int blocks = (a.Rows + RowsPerBlock - 1) / RowsPerBlock;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, block =>
        {
            int[] aPointers = a.RowPointers, aIndices = a.ColumnIndices, bPointers = b.RowPointers, bIndices = b.ColumnIndices,
                cPointers = c.RowPointers, cIndices = c.ColumnIndices;
            double[] aValues = a.Values, bValues = b.Values;
            var row = new double[b.Cols];
            int end = Math.Min(a.Rows, (block + 1) * RowsPerBlock);
            for (int i = block * RowsPerBlock; i < end; i++)
            {
                for (int ka = aPointers[i]; ka < aPointers[i + 1]; ka++)
                {
                    int k = aIndices[ka];
                    double aik = aValues[ka];
                    for (int kb = bPointers[k]; kb < bPointers[k + 1]; kb++)
                        row[bIndices[kb]] += aik * bValues[kb];
                }
                for (int kc = cPointers[i]; kc < cPointers[i + 1]; kc++)
                {
                    int j = cIndices[kc];
                    values[kc] = row[j];
                    row[j] = 0;
                }
            }
        });
    }
}
