using Rom.LinearAlgebra;

namespace Rom.Reduction.Residuals;

/// <summary>
/// "classical": the expanded quadratic form yᵀ G y of the representers' Gram matrix (<see cref="ClassicalResidualNorm"/>);
/// cancellation limits it to about √ε relative.
/// </summary>
public sealed class ClassicalResidualEstimator : IResidualEstimator
{
    /// <summary>The name of its data.</summary>
    internal const string EstimatorName = "classical";

    /// <inheritdoc />
    public string Name => EstimatorName;

    /// <inheritdoc />
    public bool Probabilistic => false;

    /// <inheritdoc />
    public bool FittedToBasis => false;

    /// <inheritdoc />
    public IResidualRepresenters Start(CsrMatrix product, double rangeTolerance) => new ClassicalResidualNorm(product);

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
        if (data.Matrix.GetLength(0) != data.Matrix.GetLength(1))
            throw new ArgumentException($"The classical Gram matrix is {data.Matrix.GetLength(0)}×{data.Matrix.GetLength(1)}; expected a square matrix.", nameof(ResidualNormData.Matrix));
    }

    /// <summary>The Gram matrix of the first representers is the leading block.</summary>
    public int TruncatedRows(ResidualNormData data, int terms) => terms;

    /// <inheritdoc />
    public IOnlineResidualNorm Online(ResidualNormData data) => new ClassicalOnlineResidualNorm(data.Matrix);
}
