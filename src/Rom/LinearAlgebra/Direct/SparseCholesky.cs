namespace Rom.LinearAlgebra.Direct;

/// <summary>
/// A sparse Cholesky factorisation P A Pᵀ = L Lᵀ of a symmetric positive definite matrix: fill-reducing ordering,
/// symbolic analysis (<see cref="SymbolicCholesky"/>) and a supernodal multifrontal numeric factorisation, then
/// x = A⁻¹ b by two triangular solves. Only the lower triangle of A is read; symmetry is checked unless switched off.
/// </summary>
public sealed class SparseCholesky : IInverseOperator
{
    private readonly double[] _factor;
    private bool _factored;

    private SparseCholesky(SymbolicCholesky symbolic)
    {
        Symbolic = symbolic;
        _factor = new double[symbolic.StoredValues];
    }

    /// <summary>Analyses and factors <paramref name="a"/>; throws <see cref="NotPositiveDefiniteException"/> when it is not SPD.</summary>
    public static SparseCholesky Factor(CsrMatrix a, CholeskyOptions? options = null) =>
        Factor(a, SymbolicCholesky.Analyze(a, options));

    /// <summary>Factors <paramref name="a"/> reusing an analysis of its pattern (skips ordering and symbolic work).</summary>
    public static SparseCholesky Factor(CsrMatrix a, SymbolicCholesky symbolic)
    {
        ArgumentNullException.ThrowIfNull(symbolic);
        var cholesky = new SparseCholesky(symbolic);
        cholesky.Refactor(a);
        return cholesky;
    }

    /// <summary>
    /// A factory for <see cref="SpdSolverFactory"/> users. It keeps the last symbolic analysis and reuses it while
    /// matrices share its sparsity pattern (as every A(μ) of an affine operator does), so only the numeric
    /// factorisation is repeated. Not for concurrent use.
    /// </summary>
    public static SpdSolverFactory Factory(CholeskyOptions? options = null)
    {
        SymbolicCholesky? last = null;
        return a =>
        {
            if (last is null || !last.Matches(a))
                last = SymbolicCholesky.Analyze(a, options);
            return Factor(a, last);
        };
    }

    /// <summary>The symbolic analysis this factor was computed with.</summary>
    public SymbolicCholesky Symbolic { get; }

    /// <inheritdoc />
    public int Dimension => Symbolic.Dimension;

    /// <summary>Number of structural non-zeros of L, diagonal included.</summary>
    public int NonZerosInFactor => Symbolic.NonZerosInFactor;

    /// <summary>
    /// Recomputes the numeric factor for new values on the analysed pattern (e.g. A(μ) for another μ). On failure the
    /// factor is unusable until a later refactorisation succeeds.
    /// </summary>
    public void Refactor(CsrMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!Symbolic.Matches(a))
            throw new ArgumentException($"The {a.Rows}×{a.Cols} matrix with {a.NonZeros} entries does not have the pattern this factor was analysed for; call Factor instead.", nameof(a));
        if (!Vectors.AllFinite(a.Values))
            throw new ArgumentException("The matrix has a NaN or infinite entry; expected finite values.", nameof(a));
        if (Symbolic.Options.CheckSymmetry) Symbolic.CheckSymmetricValues(a);
        _factored = false;
        MultifrontalFactorization.Factor(Symbolic, a.Values, _factor);
        _factored = true;
    }

    /// <inheritdoc />
    public void Solve(ReadOnlySpan<double> b, Span<double> x) => SolveBlock(b, x, 1);

    /// <summary>Solves A X = B for <paramref name="count"/> right-hand sides stored column-major (n values each); b and x may overlap.</summary>
    public void SolveBlock(ReadOnlySpan<double> b, Span<double> x, int count)
    {
        int n = Dimension;
        if (count < 0)
            throw new ArgumentOutOfRangeException(nameof(count), count, "The number of right-hand sides must be non-negative.");
        if (b.Length != (long)n * count)
            throw new ArgumentException($"b has length {b.Length}, expected n × count = {n} × {count}.", nameof(b));
        if (x.Length != (long)n * count)
            throw new ArgumentException($"x has length {x.Length}, expected n × count = {n} × {count}.", nameof(x));
        if (!_factored)
            throw new InvalidOperationException("The last refactorisation failed; there is no factor to solve with.");
        var perm = Symbolic.Perm;
        var work = new double[b.Length];
        for (int k = 0; k < count; k++)
            for (int i = 0; i < n; i++) work[k * n + i] = b[k * n + perm[i]];
        SupernodalSolve.Solve(Symbolic, _factor, work, count);
        for (int k = 0; k < count; k++)
            for (int i = 0; i < n; i++) x[k * n + perm[i]] = work[k * n + i];
    }

    /// <summary>The factor L of P A Pᵀ = L Lᵀ (permuted numbering) as a CSR matrix, without the explicit zeros of relaxed supernodes.</summary>
    public CsrMatrix LowerFactor()
    {
        if (!_factored)
            throw new InvalidOperationException("The last refactorisation failed; there is no factor.");
        var rowIndex = new List<int>();
        var colIndex = new List<int>();
        var value = new List<double>();
        var s = Symbolic;
        for (int node = 0; node < s.SupernodeCount; node++)
        {
            int first = s.SupernodeStart[node], columns = s.SupernodeStart[node + 1] - first;
            int m = s.RowStart[node + 1] - s.RowStart[node];
            for (int j = 0; j < columns; j++)
                for (int i = j; i < m; i++)
                {
                    double l = _factor[s.ValueStart[node] + j * m + i];
                    if (l == 0) continue;
                    rowIndex.Add(s.Rows[s.RowStart[node] + i]);
                    colIndex.Add(first + j);
                    value.Add(l);
                }
        }
        return CsrMatrix.FromTriplets(Dimension, Dimension, rowIndex.ToArray(), colIndex.ToArray(), value.ToArray());
    }
}
