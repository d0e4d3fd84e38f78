namespace Rom.Krylov;

/// <summary>A solve's verdict from <see cref="ConvergenceTest.Check"/>: why it stops, in one line for people.</summary>
/// <param name="Reason">Why the solver stops.</param>
/// <param name="Message">The line the result carries, e.g. "converged to relative residual 8.1E-11 in 412 iterations".</param>
public readonly record struct StopDecision(StopReason Reason, string Message);
