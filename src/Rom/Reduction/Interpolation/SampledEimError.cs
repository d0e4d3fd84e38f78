namespace Rom.Reduction.Interpolation;

/// <summary>
/// The operator EIM's part of a bound, from the two numbers a run saves: a(u − u_M, v) = (a_M − a)(u_M, v) ≤ ε̂‖u_M‖_X‖v‖_X
/// and a is coercive with α_S, so ‖u − u_M‖_X ≤ ε̂‖u_M‖_X/α_S (sampled, not a guarantee).
/// </summary>
/// <param name="ErrorBound">ε̂, the EIM error in X → X'.</param>
/// <param name="SampledCoercivity">α_S, the sampled coercivity.</param>
public sealed record SampledEimError(double ErrorBound, double SampledCoercivity)
{
    /// <summary>ε̂·b/α_S for a bound b of ‖u_M‖_X.</summary>
    public double Bound(double normBound) => ErrorBound * normBound / SampledCoercivity;
}
