using Rom.LinearAlgebra;

namespace Rom.Reduction.Residuals;

/// <summary>
/// The classical offline/online residual norm (Haasdonk 2017, Prop. 2.33): ‖r‖² = Σ_ij y_i y_j (ξ_i, ξ_j)_X from
/// the Gram matrix of the Riesz representers. The O(1) terms cancel, so the result stalls near √ε·‖f‖_{X'}.
/// </summary>
public sealed class ClassicalResidualNorm : IResidualRepresenters
{
    private readonly CsrMatrix _product;
    private readonly List<double[]> _representers = [];
    private readonly List<double[]> _gramRows = []; // row j holds G_j0 … G_jj
    private readonly double[] _work;

    /// <summary>Starts with no representers, in the inner product of the SPD matrix X.</summary>
    public ClassicalResidualNorm(CsrMatrix product)
    {
        ArgumentNullException.ThrowIfNull(product);
        _product = product;
        _work = new double[product.Rows];
    }

    /// <inheritdoc />
    public int Count => _representers.Count;

    /// <inheritdoc />
    public void Append(ReadOnlySpan<double> representer)
    {
        if (representer.Length != _product.Rows)
            throw new ArgumentException($"The representer has length {representer.Length}, expected {_product.Rows}.", nameof(representer));
        var xi = representer.ToArray();
        _product.Apply(xi, _work);
        var row = new double[_representers.Count + 1];
        for (int i = 0; i < _representers.Count; i++) row[i] = Vectors.Dot(_representers[i], _work);
        row[^1] = Vectors.Dot(xi, _work);
        _representers.Add(xi);
        _gramRows.Add(row);
    }

    /// <inheritdoc />
    public ResidualNormData ToData()
    {
        int j = Count;
        var g = new double[j, j];
        for (int a = 0; a < j; a++)
            for (int b = 0; b <= a; b++)
                g[a, b] = g[b, a] = _gramRows[a][b];
        return new ResidualNormData(ClassicalResidualEstimator.EstimatorName, g);
    }
}
