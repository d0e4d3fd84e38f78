namespace Rom.Cases.Running;

/// <summary>One output at a parameter: s_N, its certified bound and, with an EIM surrogate, its bound against the true family.</summary>
/// <param name="Name">The output's name.</param>
/// <param name="Value">s_N(μ).</param>
/// <param name="Bound">The certified bound of |s(μ) − s_N(μ)| for the model the reduced basis was built on.</param>
/// <param name="FamilyBound">‖l‖_X'·(Δ + ε̂(‖u_N‖_X + Δ)/α_S), the bound against the sampled family of an EIM surrogate, or null.</param>
public sealed record EvaluatedOutput(string Name, double Value, double Bound, double? FamilyBound);
