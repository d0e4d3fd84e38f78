namespace Rom.GaussianProcesses;

/// <summary>What an optimiser returns: the final (or, after divergence, the last finite) iterate and its diagnostics.</summary>
/// <param name="X">The iterate kept.</param>
/// <param name="Objective">The objective at <paramref name="X"/>.</param>
/// <param name="Iterations">Iterations taken.</param>
/// <param name="Failed">True when the objective or gradient became non-finite; <paramref name="X"/> is then the last finite iterate.</param>
/// <param name="StopReason">Why it stopped, in words.</param>
/// <param name="History">Objective, residual and time per recorded iteration.</param>
public sealed record OptimizationResult(double[] X, double Objective, int Iterations, bool Failed, string StopReason, IReadOnlyList<OptimizationRecord> History);
