using Rom.LinearAlgebra;

namespace Rom.Reduction.Residuals;

/// <summary>
/// The numerically stable residual norm of Buhr, Engwer, Ohlberger, Rave, "A numerically stable a posteriori
/// error estimator for reduced basis approximations of elliptic equations" (2014), §3: an X-orthonormal basis ψ
/// of span{ξ_j} is built by Gram–Schmidt, and ‖r‖_{X'} = ‖B y‖₂ with B_kj = (ψ_k, ξ_j)_X — no cancellation.
/// </summary>
public sealed class StableResidualNorm : IResidualRepresenters
{
    private readonly OrthonormalBasis _range;
    private readonly double _rangeTolerance;
    private readonly List<double[]> _columns = []; // column j holds B_0j … B_{h_j − 1, j}

    /// <summary>
    /// Starts with no representers. A representer whose part X-orthogonal to the range is below
    /// <paramref name="rangeTolerance"/> times its norm adds no range vector (it is round-off; default 1e-13).
    /// </summary>
    public StableResidualNorm(CsrMatrix product, double rangeTolerance = 1e-13)
    {
        if (!(rangeTolerance >= 0 && rangeTolerance < 1))
            throw new ArgumentOutOfRangeException(nameof(rangeTolerance), rangeTolerance, "The range tolerance must lie in [0, 1).");
        _range = new OrthonormalBasis(product);
        _rangeTolerance = rangeTolerance;
    }

    /// <inheritdoc />
    public int Count => _columns.Count;

    /// <summary>Number K of X-orthonormal vectors spanning the representers.</summary>
    public int RangeDimension => _range.Count;

    /// <summary>The X-orthonormal basis ψ of the representers' span (do not modify).</summary>
    internal OrthonormalBasis Range => _range;

    /// <inheritdoc />
    public void Append(ReadOnlySpan<double> representer)
    {
        if (representer.Length != _range.Dimension)
            throw new ArgumentException($"The representer has length {representer.Length}, expected {_range.Dimension}.", nameof(representer));
        var xi = representer.ToArray();
        double norm = _range.Norm(xi);
        var b = new double[_range.Count + 1];
        double remainder = _range.Orthogonalize(xi, b.AsSpan(0, _range.Count));
        if (remainder > _rangeTolerance * norm)
        {
            _range.Append(xi, remainder);
            b[^1] = remainder;
            _columns.Add(b);
        }
        else
            _columns.Add(b[..^1]);
    }

    /// <summary>
    /// Appends a block of representers (those of one new basis vector): the block is first projected against the
    /// existing range basis together (<see cref="OrthonormalBasis.ProjectOutBlock"/>), then each vector against the
    /// range vectors added from this block, in order — the same range and coefficients as appending one by one.
    /// </summary>
    public void AppendBlock(IReadOnlyList<double[]> representers)
    {
        ArgumentNullException.ThrowIfNull(representers);
        int first = _range.Count;
        var xis = representers.Select(r =>
            r.Length == _range.Dimension ? (double[])r.Clone() : throw new ArgumentException($"A representer has length {r.Length}, expected {_range.Dimension}.", nameof(representers))).ToArray();
        var norms = xis.Select(xi => _range.Norm(xi)).ToArray();
        var coefficients = xis.Select(_ => new double[first]).ToArray();
        _range.ProjectOutBlock(xis, coefficients);
        for (int j = 0; j < xis.Length; j++)
        {
            var b = new double[_range.Count + 1];
            coefficients[j].CopyTo(b, 0);
            // Against the vectors added from this block; if that removes most of what was left, the vector was nearly
            // dependent and round-off may have brought back components along the old range: one more full pass.
            double before = _range.Norm(xis[j]);
            double remainder = _range.Orthogonalize(xis[j], b.AsSpan(0, _range.Count), first);
            if (remainder < NearlyDependent * before)
                remainder = _range.Orthogonalize(xis[j], b.AsSpan(0, _range.Count));
            if (remainder > _rangeTolerance * norms[j])
            {
                _range.Append(xis[j], remainder);
                b[^1] = remainder;
                _columns.Add(b);
            }
            else
                _columns.Add(b[..^1]);
        }
    }

    /// <summary>A vector that orthogonalisation against its own block shrinks below this fraction is re-orthogonalised in full.</summary>
    private const double NearlyDependent = 0.5;

    /// <inheritdoc />
    public ResidualNormData ToData()
    {
        var m = new double[_range.Count, Count];
        for (int j = 0; j < Count; j++)
            for (int k = 0; k < _columns[j].Length; k++)
                m[k, j] = _columns[j][k];
        return new ResidualNormData(StableResidualEstimator.EstimatorName, m);
    }
}
