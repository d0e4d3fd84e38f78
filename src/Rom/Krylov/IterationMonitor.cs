namespace Rom.Krylov;

/// <summary>Called by a solver after each iteration with the iteration number and the relative residual.</summary>
public delegate void IterationMonitor(int iteration, double relativeResidual);
