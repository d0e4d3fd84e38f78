namespace Rom.Reduction;

/// <summary>A reduced solve at one parameter: the coefficients, outputs and their certified error bounds.</summary>
/// <param name="Coefficients">u_N(μ), the coefficients of the approximation V u_N in the X-orthonormal basis (so ‖V u_N‖_X = ‖u_N‖₂).</param>
/// <param name="Outputs">s_N(μ) for every output.</param>
/// <param name="OutputBounds">Bounds of |s(μ) − s_N(μ)|: ‖r‖²_{X'}/α_LB for compliant outputs, ‖l‖_{X'}·Δ otherwise.</param>
/// <param name="ErrorBound">Δ(μ) = ‖r(μ)‖_{X'} / α_LB(μ) ≥ ‖u(μ) − V u_N(μ)‖_X.</param>
/// <param name="ResidualNorm">‖r(μ)‖_{X'}.</param>
/// <param name="CoercivityLowerBound">α_LB(μ) by the min-theta rule.</param>
public sealed record ReducedSolution(
    double[] Coefficients,
    double[] Outputs,
    double[] OutputBounds,
    double ErrorBound,
    double ResidualNorm,
    double CoercivityLowerBound);
