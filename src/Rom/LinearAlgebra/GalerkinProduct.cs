namespace Rom.LinearAlgebra;

/// <summary>
/// The Galerkin triple product A_c = R A P for a fixed R, P and a fixed sparsity pattern of A: the patterns of A P
/// and R (A P) are found once (symbolic phase), and <see cref="Compute"/> refills only their values for any A with
/// that pattern (numeric phase), rows in parallel. Each entry sums its terms in the order of
/// <see cref="CsrProduct.Multiply"/>, so the result equals R.Multiply(A.Multiply(P)) bitwise.
/// </summary>
public sealed class GalerkinProduct
{
    /// <summary>Rows per parallel block of the numeric phase; smaller products stay on the calling thread.</summary>
    private const int RowsPerBlock = 4096;

    private readonly CsrMatrix _pattern;
    private readonly CsrMatrix _p;
    private readonly CsrMatrix _r;
    private readonly CsrMatrix _ap;
    private readonly CsrMatrix _rap;

    /// <summary>Computes the patterns of A P and R A P for matrices with the pattern of <paramref name="pattern"/> (its values are not used).</summary>
    public GalerkinProduct(CsrMatrix pattern, CsrMatrix p, CsrMatrix r)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(r);
        if (pattern.Rows != pattern.Cols || p.Rows != pattern.Cols || r.Cols != pattern.Rows || r.Rows != p.Cols)
            throw new ArgumentException(
                $"R A P needs A n×n, P n×m and R m×n; got A {pattern.Rows}×{pattern.Cols}, P {p.Rows}×{p.Cols}, R {r.Rows}×{r.Cols}.", nameof(p));
        _pattern = pattern;
        _p = p;
        _r = r;
        _ap = pattern.Multiply(p);
        _rap = r.Multiply(_ap);
    }

    /// <summary>Size of the coarse operator R A P.</summary>
    public int CoarseSize => _rap.Rows;

    /// <summary>
    /// R A P for <paramref name="a"/>; throws <see cref="ArgumentException"/> when A's sparsity pattern differs from
    /// the one the product was set up for.
    /// </summary>
    public CsrMatrix Compute(CsrMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!SamePattern(a, _pattern))
            throw new ArgumentException(
                $"The {a.Rows}×{a.Cols} matrix with {a.NonZeros} stored entries does not have the sparsity pattern ({_pattern.Rows}×{_pattern.Cols}, {_pattern.NonZeros} entries) the Galerkin product was set up for.",
                nameof(a));
        var apValues = new double[_ap.NonZeros];
        Refill(a, _p, _ap, apValues);
        var ap = new CsrMatrix(_ap.Rows, _ap.Cols, _ap.RowPointers, _ap.ColumnIndices, apValues);
        var rapValues = new double[_rap.NonZeros];
        Refill(_r, ap, _rap, rapValues);
        return new CsrMatrix(_rap.Rows, _rap.Cols, _rap.RowPointers, _rap.ColumnIndices, rapValues);
    }

    /// <summary>True when both matrices have the same size and stored positions.</summary>
    public static bool SamePattern(CsrMatrix a, CsrMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Rows == b.Rows && a.Cols == b.Cols &&
            (ReferenceEquals(a.ColumnIndices, b.ColumnIndices) || a.ColumnIndices.AsSpan().SequenceEqual(b.ColumnIndices)) &&
            (ReferenceEquals(a.RowPointers, b.RowPointers) || a.RowPointers.AsSpan().SequenceEqual(b.RowPointers));
    }

    // values of the product A B on the known pattern c, row by row: accumulate the row densely, then gather it.
    private static void Refill(CsrMatrix a, CsrMatrix b, CsrMatrix c, double[] values)
    {
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
