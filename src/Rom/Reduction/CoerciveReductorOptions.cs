using Rom.LinearAlgebra;
using Rom.Parameters;
using Rom.Reduction.Coercivity;
using Rom.Reduction.Residuals;

namespace Rom.Reduction;

/// <summary>Settings of <see cref="CoerciveReductor"/>.</summary>
/// <param name="ProductSolver">Makes X⁻¹ (factored once) for the Riesz representers, e.g. a sparse Cholesky or <c>IterativeInverse.Factory</c>.</param>
/// <param name="ReferenceParameter">μ̄ of the min-theta rule; every θ_q(μ̄) must be positive.</param>
/// <param name="ReferenceCoercivity">α(μ̄) with respect to X (default 1: exact when X = A(μ̄), as for the thermal block with μ̄ = 1).</param>
/// <param name="Estimator">How ‖r(μ)‖_{X'} is evaluated online, with its own settings (default null: <see cref="ResidualEstimators.Stable"/>).</param>
/// <param name="Coercivity">α_LB(μ) in place of the min-theta rule (default null: min-theta over all terms).</param>
/// <param name="RangeTolerance">Relative size below which a residual representer adds no vector to the stable estimator's range (default 1e-13).</param>
public sealed record CoerciveReductorOptions(
    SpdSolverFactory ProductSolver,
    Parameter ReferenceParameter,
    double ReferenceCoercivity = 1.0,
    IResidualEstimator? Estimator = null,
    double RangeTolerance = 1e-13,
    ICoercivityBound? Coercivity = null)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(ProductSolver);
        ArgumentNullException.ThrowIfNull(ReferenceParameter);
        if (!(ReferenceCoercivity > 0 && double.IsFinite(ReferenceCoercivity)))
            throw new ArgumentOutOfRangeException(nameof(ReferenceCoercivity), ReferenceCoercivity, "α(μ̄) must be positive and finite.");
        if (!(RangeTolerance >= 0 && RangeTolerance < 1))
            throw new ArgumentOutOfRangeException(nameof(RangeTolerance), RangeTolerance, "The range tolerance must lie in [0, 1).");
    }
}
