using Rom.Parameters;

namespace Rom.Reduction.Residuals;

/// <summary>What a reductor hands an estimator's offline build step (<see cref="IResidualEstimator.Build"/>) on the final basis.</summary>
/// <param name="Representers">The representers' data the estimator started (<see cref="IResidualEstimator.Start"/>), grown with the basis.</param>
/// <param name="TrainingSet">The training parameters, for an estimator trained on residuals (may be empty).</param>
/// <param name="Coefficients">y(μ): the residual coefficients of the reduced solution at μ (y_0 = 1, y_{1+nQ+q} = −θ_q(μ) u_n(μ)).</param>
public sealed record ResidualEstimatorInput(IResidualRepresenters Representers, IReadOnlyList<Parameter> TrainingSet, Func<Parameter, double[]> Coefficients);
