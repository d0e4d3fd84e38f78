namespace Rom.Reduction;

/// <summary>A reduced output s_N(μ) = l̃ᵀ u_N with what its error bound needs.</summary>
/// <param name="Name">Name of the full-order output.</param>
/// <param name="Weights">l̃ = Vᵀ l (length N).</param>
/// <param name="DualNorm">‖l‖_{X'}, used by the non-compliant bound ‖l‖_{X'} · Δ(μ).</param>
/// <param name="Compliant">True when l = f and A(μ) is symmetric, so the bound is ‖r‖²_{X'} / α_LB(μ).</param>
public sealed record ReducedOutput(string Name, double[] Weights, double DualNorm, bool Compliant);
