namespace Rom.LinearAlgebra;

/// <summary>
/// The Galerkin triple product A_c = R A P for a fixed R, P and a fixed sparsity pattern of A: the patterns of A P
/// and R (A P) are found once (symbolic phase, <see cref="CsrProduct.Pattern"/>), and <see cref="Compute"/> refills
/// only their values for any A with that pattern (numeric phase, <see cref="CsrProduct.Refill"/>), so the result
/// equals R.Multiply(A.Multiply(P)) bitwise.
/// </summary>
public sealed class GalerkinProduct
{
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
        _ap = pattern.Pattern(p);
        _rap = r.Pattern(_ap);
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
        CsrProduct.Refill(a, _p, _ap, apValues);
        var ap = _ap.WithValues(apValues);
        var rapValues = new double[_rap.NonZeros];
        CsrProduct.Refill(_r, ap, _rap, rapValues);
        return _rap.WithValues(rapValues);
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
}
