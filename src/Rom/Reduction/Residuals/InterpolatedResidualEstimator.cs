using Rom.LinearAlgebra;

namespace Rom.Reduction.Residuals;

/// <summary>
/// "eim": Casenave, Ern, Lelièvre (2014): ‖r‖² is the sum of local energy densities r_i (X r)_i, approximated by
/// empirical interpolation from M points trained on the residuals at the training set (<see cref="InterpolatedResidualNorm"/>);
/// accurate to about ε relative but an approximation (the EIM error), at online cost O(M·J).
/// </summary>
public sealed class InterpolatedResidualEstimator : IResidualEstimator
{
    /// <summary>The name of its data.</summary>
    internal const string EstimatorName = "eim";

    /// <summary>
    /// An interpolation trained to <paramref name="tolerance"/> (largest relative error of the interpolated ‖r‖² on the
    /// training set, default 1e-4) with at most <paramref name="maxPoints"/> points (default 1000).
    /// </summary>
    public InterpolatedResidualEstimator(double tolerance = 1e-4, int maxPoints = 1000)
    {
        if (!(tolerance > 0 && tolerance < 1))
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The interpolation tolerance must lie in (0, 1).");
        if (maxPoints < 1)
            throw new ArgumentOutOfRangeException(nameof(maxPoints), maxPoints, "At least one interpolation point is needed.");
        Tolerance = tolerance;
        MaxPoints = maxPoints;
    }

    /// <summary>Largest relative error of the interpolated ‖r‖² on the training set.</summary>
    public double Tolerance { get; }

    /// <summary>Most interpolation points M.</summary>
    public int MaxPoints { get; }

    /// <inheritdoc />
    public string Name => EstimatorName;

    /// <inheritdoc />
    public bool Probabilistic => false;

    /// <summary>True: the points and weights are trained on the final basis.</summary>
    public bool FittedToBasis => true;

    /// <summary>The stable representers: the interpolation is built from their range ψ and coefficients B.</summary>
    public IResidualRepresenters Start(CsrMatrix product, double rangeTolerance) => new StableResidualNorm(product, rangeTolerance);

    /// <summary>Trains the interpolation on y(μ) at the training parameters; its training error is <see cref="ResidualNormData.InterpolationError"/>.</summary>
    public ResidualNormData Build(ResidualEstimatorInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stable = input.Representers as StableResidualNorm
            ?? throw new ArgumentException($"The interpolated estimator is built on the stable representers it starts, not on a {input.Representers.GetType().Name}.", nameof(input));
        return InterpolatedResidualNorm.Build(stable, input.TrainingSet.Select(input.Coefficients).ToArray(), Tolerance, MaxPoints);
    }

    /// <inheritdoc />
    public void Validate(ResidualNormData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Matrix.GetLength(0) % 2 != 0)
            throw new ArgumentException($"The interpolation matrix has {data.Matrix.GetLength(0)} rows; expected 2M (representer rows, then weighted X-image rows).", nameof(ResidualNormData.Matrix));
    }

    /// <summary>
    /// All rows: the interpolation keeps its points, where the truncated model's densities are exact, but the weights were
    /// trained on the full basis, so the interpolation error of a truncation is not controlled.
    /// </summary>
    public int TruncatedRows(ResidualNormData data, int terms) => data.Matrix.GetLength(0);

    /// <inheritdoc />
    public IOnlineResidualNorm Online(ResidualNormData data) => new InterpolatedOnlineResidualNorm(data.Matrix);

    /// <summary>The number M of interpolation points of <paramref name="data"/>, or 0 when they are another estimator's.</summary>
    public static int Points(ResidualNormData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Estimator == EstimatorName ? data.Matrix.GetLength(0) / 2 : 0;
    }
}
