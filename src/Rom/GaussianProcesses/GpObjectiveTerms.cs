namespace Rom.GaussianProcesses;

/// <summary>The parts of one evaluation of <see cref="GpObjective"/>.</summary>
/// <param name="Total">J.</param>
/// <param name="Prior">½ UᵀK⁻¹U + ½ log det K.</param>
/// <param name="BoundaryGap">‖U_B − g‖².</param>
/// <param name="EquationGap">‖L U + N(U) − f‖² (N = 0 for a linear PDE).</param>
/// <param name="RelativeResidual">‖L U + N(U) − f‖ / ‖f‖ (the gap itself when f = 0).</param>
public sealed record GpObjectiveTerms(double Total, double Prior, double BoundaryGap, double EquationGap, double RelativeResidual);
