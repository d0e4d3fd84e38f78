using Rom.LinearAlgebra;
using Rom.Parameters;
using Rom.Reduction.Coercivity;
using Rom.Reduction.Residuals;

namespace Rom.Reduction;

/// <summary>Settings of <see cref="CoerciveReductor"/>.</summary>
/// <param name="ProductSolver">Makes X⁻¹ (factored once) for the Riesz representers, e.g. a sparse Cholesky or <c>IterativeInverse.Factory</c>.</param>
/// <param name="ReferenceParameter">μ̄ of the min-theta rule; every θ_q(μ̄) must be positive.</param>
/// <param name="ReferenceCoercivity">α(μ̄) with respect to X (default 1: exact when X = A(μ̄), as for the thermal block with μ̄ = 1).</param>
/// <param name="Estimator">How ‖r(μ)‖_{X'} is evaluated online (default <see cref="ResidualEstimatorKind.Stable"/>).</param>
/// <param name="Coercivity">α_LB(μ) in place of the min-theta rule (default null: min-theta over all terms).</param>
/// <param name="RangeTolerance">Relative size below which a residual representer adds no vector to the stable estimator's range (default 1e-13).</param>
/// <param name="InterpolationTolerance">For <see cref="ResidualEstimatorKind.Interpolated"/>: largest relative error of the interpolated ‖r‖² on the training set (default 1e-4).</param>
/// <param name="MaxInterpolationPoints">For <see cref="ResidualEstimatorKind.Interpolated"/>: most interpolation points M (default 1000).</param>
/// <param name="Sketch">For <see cref="ResidualEstimatorKind.Sketched"/>: rows, δ and seed (default <see cref="SketchOptions"/>()).</param>
public sealed record CoerciveReductorOptions(
    SpdSolverFactory ProductSolver,
    Parameter ReferenceParameter,
    double ReferenceCoercivity = 1.0,
    ResidualEstimatorKind Estimator = ResidualEstimatorKind.Stable,
    double RangeTolerance = 1e-13,
    ICoercivityBound? Coercivity = null,
    double InterpolationTolerance = 1e-4,
    int MaxInterpolationPoints = 1000,
    SketchOptions? Sketch = null)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(ProductSolver);
        ArgumentNullException.ThrowIfNull(ReferenceParameter);
        if (!(ReferenceCoercivity > 0 && double.IsFinite(ReferenceCoercivity)))
            throw new ArgumentOutOfRangeException(nameof(ReferenceCoercivity), ReferenceCoercivity, "α(μ̄) must be positive and finite.");
        if (!Enum.IsDefined(Estimator))
            throw new ArgumentOutOfRangeException(nameof(Estimator), Estimator, "Unknown residual estimator kind.");
        if (!(RangeTolerance >= 0 && RangeTolerance < 1))
            throw new ArgumentOutOfRangeException(nameof(RangeTolerance), RangeTolerance, "The range tolerance must lie in [0, 1).");
        if (!(InterpolationTolerance > 0 && InterpolationTolerance < 1))
            throw new ArgumentOutOfRangeException(nameof(InterpolationTolerance), InterpolationTolerance, "The interpolation tolerance must lie in (0, 1).");
        if (MaxInterpolationPoints < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxInterpolationPoints), MaxInterpolationPoints, "At least one interpolation point is needed.");
        Sketch?.Validate();
    }
}
