using Rom.LinearAlgebra;

namespace Rom.Reduction.Residuals;

/// <summary>
/// "stable": coefficients in an X-orthonormal basis of the residual's range (Buhr et al. 2014, <see cref="StableResidualNorm"/>),
/// ‖r‖ = ‖B y‖₂; accurate to about ε relative, online cost ≈ K·J/2 for B of K × J.
/// </summary>
public sealed class StableResidualEstimator : IResidualEstimator
{
    /// <summary>The name of its data.</summary>
    internal const string EstimatorName = "stable";

    /// <inheritdoc />
    public string Name => EstimatorName;

    /// <inheritdoc />
    public bool Probabilistic => false;

    /// <inheritdoc />
    public bool FittedToBasis => false;

    /// <inheritdoc />
    public IResidualRepresenters Start(CsrMatrix product, double rangeTolerance) => new StableResidualNorm(product, rangeTolerance);

    /// <inheritdoc />
    public ResidualNormData Build(ResidualEstimatorInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Representers.ToData();
    }

    /// <inheritdoc />
    public void Validate(ResidualNormData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Matrix.GetLength(0) > data.Matrix.GetLength(1))
            throw new ArgumentException($"The stable coefficient matrix is {data.Matrix.GetLength(0)}×{data.Matrix.GetLength(1)}; the range cannot have more vectors than there are representers.", nameof(ResidualNormData.Matrix));
    }

    /// <summary>Representer j only reaches range vectors 0..height_j − 1, so the leading columns need the leading rows.</summary>
    public int TruncatedRows(ResidualNormData data, int terms) => Enumerable.Range(0, terms).Max(data.ColumnHeight);

    /// <inheritdoc />
    public IOnlineResidualNorm Online(ResidualNormData data) => new StableOnlineResidualNorm(data);
}
