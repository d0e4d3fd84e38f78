namespace Rom.GaussianProcesses;

/// <summary>One entry of an optimiser's history.</summary>
/// <param name="Iteration">The iteration (0 is the starting point).</param>
/// <param name="Objective">The objective at that iterate.</param>
/// <param name="Residual">The caller's residual measure at that iterate (NaN when none is given).</param>
/// <param name="ElapsedSeconds">Wall-clock seconds since the optimiser started.</param>
public sealed record OptimizationRecord(int Iteration, double Objective, double Residual, double ElapsedSeconds);
