using Rom.LinearAlgebra;

namespace Rom.Reduction;

/// <summary>Settings of <see cref="RbGreedySurrogate"/>.</summary>
/// <param name="Solver">Makes A(μ)⁻¹ for the full-order solves at the chosen parameters.</param>
/// <param name="RelativeToSolutionNorm">Estimate Δ(μ)/‖u_N(μ)‖_X instead of Δ(μ) (default false; +∞ while the basis is empty).</param>
/// <param name="DependenceTolerance">A snapshot whose X-orthogonal remainder is ≤ this times its X-norm is linearly dependent (default 1e-10).</param>
public sealed record RbGreedySurrogateOptions(SpdSolverFactory Solver, bool RelativeToSolutionNorm = false, double DependenceTolerance = 1e-10)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Solver);
        if (!(DependenceTolerance >= 0 && DependenceTolerance < 1))
            throw new ArgumentOutOfRangeException(nameof(DependenceTolerance), DependenceTolerance, "The dependence tolerance must lie in [0, 1).");
    }
}
