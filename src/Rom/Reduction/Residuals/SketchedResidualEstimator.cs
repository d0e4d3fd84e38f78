using Rom.LinearAlgebra;

namespace Rom.Reduction.Residuals;

/// <summary>
/// "sketched": a Gaussian sketch of the stable estimator's data (Balabanov &amp; Nouy 2019, <see cref="SketchedResidualNorm"/>):
/// accurate to about ε relative, online cost O(k·J), and an upper bound with probability 1 − δ per parameter.
/// </summary>
public sealed class SketchedResidualEstimator : IResidualEstimator
{
    /// <summary>The name of its data.</summary>
    internal const string EstimatorName = "sketched";

    /// <summary>A sketch with <paramref name="sketch"/>'s rows, δ and seed (default <see cref="SketchOptions"/>()).</summary>
    public SketchedResidualEstimator(SketchOptions? sketch = null)
    {
        Sketch = sketch ?? new SketchOptions();
        Sketch.Validate();
    }

    /// <summary>Rows k, failure probability δ and seed of the sketch.</summary>
    public SketchOptions Sketch { get; }

    /// <inheritdoc />
    public string Name => EstimatorName;

    /// <inheritdoc />
    public bool Probabilistic => true;

    /// <inheritdoc />
    public bool FittedToBasis => false;

    /// <summary>The stable representers: the sketch is drawn on their coefficients B.</summary>
    public IResidualRepresenters Start(CsrMatrix product, double rangeTolerance) => new StableResidualNorm(product, rangeTolerance);

    /// <summary>Draws S = Ω B / √q_δ on the stable data.</summary>
    public ResidualNormData Build(ResidualEstimatorInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return SketchedResidualNorm.Build(input.Representers.ToData(), Sketch);
    }

    /// <summary>Any k × J matrix is a sketch.</summary>
    public void Validate(ResidualNormData data) => ArgumentNullException.ThrowIfNull(data);

    /// <summary>All rows: Ω B restricted to leading columns is the sketch of B's leading columns.</summary>
    public int TruncatedRows(ResidualNormData data, int terms) => data.Matrix.GetLength(0);

    /// <inheritdoc />
    public IOnlineResidualNorm Online(ResidualNormData data) => new SketchedOnlineResidualNorm(data.Matrix);
}
