using Rom.Parameters;

namespace Rom.Reduction.Coercivity;

/// <summary>
/// A lower bound α_LB(μ) of the coercivity constant of A(μ) = Σ θ_q(μ) A_q with respect to X, for the error bound
/// Δ(μ) = ‖r(μ)‖_{X'} / α_LB(μ). Models whose terms are not all positive semidefinite with positive θ_q (e.g. EIM
/// terms) supply one in place of the min-theta rule.
/// </summary>
public interface ICoercivityBound
{
    /// <summary>α_LB(μ) &gt; 0; <paramref name="theta"/> holds θ_q(μ), already evaluated.</summary>
    double LowerBound(Parameter mu, ReadOnlySpan<double> theta);
}
