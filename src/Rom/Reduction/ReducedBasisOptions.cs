using Rom.LinearAlgebra;
using Rom.Parameters;
using Rom.Reduction.Coercivity;
using Rom.Reduction.Greedy;
using Rom.Reduction.Residuals;

namespace Rom.Reduction;

/// <summary>Settings of <see cref="ReducedBasis.Build"/>.</summary>
/// <param name="Solver">Makes the inverse of an SPD matrix: used for X (once) and for A(μ) at each chosen parameter.</param>
/// <param name="ReferenceParameter">μ̄ of the min-theta coercivity bound; X should be A(μ̄) or α(μ̄) given.</param>
/// <param name="TrainingSet">Greedy candidates (default null: <see cref="TrainingSize"/> Latin-hypercube samples with <see cref="Seed"/>).</param>
/// <param name="Greedy">Stopping rules (default: 50 extensions, relative tolerance 1e-10 of the first estimate).</param>
/// <param name="ReferenceCoercivity">α(μ̄) with respect to X (default 1).</param>
/// <param name="Estimator">Residual norm evaluation, with its own settings (default null: <see cref="ResidualEstimators.Stable"/>).</param>
/// <param name="RelativeErrors">Greedy on Δ(μ)/‖u_N(μ)‖_X instead of Δ(μ) (default false).</param>
/// <param name="TrainingSize">Size of the default training set (default 100).</param>
/// <param name="Seed">Seed of the default training set (default 0).</param>
/// <param name="Coercivity">α_LB(μ) in place of the min-theta rule (default null: min-theta over all terms).</param>
public sealed record ReducedBasisOptions(
    SpdSolverFactory Solver,
    Parameter ReferenceParameter,
    IReadOnlyList<Parameter>? TrainingSet = null,
    GreedyOptions? Greedy = null,
    double ReferenceCoercivity = 1.0,
    IResidualEstimator? Estimator = null,
    bool RelativeErrors = false,
    int TrainingSize = 100,
    int Seed = 0,
    ICoercivityBound? Coercivity = null);
