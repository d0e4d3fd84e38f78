using Rom.LinearAlgebra;

namespace Rom.Reduction;

/// <summary>
/// The numerically stable residual norm of Buhr, Engwer, Ohlberger, Rave, "A numerically stable a posteriori
/// error estimator for reduced basis approximations of elliptic equations" (2014), §3: an X-orthonormal basis ψ
/// of span{ξ_j} is built by Gram–Schmidt, and ‖r‖_{X'} = ‖B y‖₂ with B_kj = (ψ_k, ξ_j)_X — no cancellation.
/// </summary>
public sealed class StableResidualNorm : IResidualNormEstimator
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
    public ResidualEstimatorKind Kind => ResidualEstimatorKind.Stable;

    /// <inheritdoc />
    public int Count => _columns.Count;

    /// <summary>Number K of X-orthonormal vectors spanning the representers.</summary>
    public int RangeDimension => _range.Count;

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

    /// <inheritdoc />
    public ResidualNormData ToData()
    {
        var m = new double[_range.Count, Count];
        for (int j = 0; j < Count; j++)
            for (int k = 0; k < _columns[j].Length; k++)
                m[k, j] = _columns[j][k];
        return new ResidualNormData(Kind, m);
    }
}
