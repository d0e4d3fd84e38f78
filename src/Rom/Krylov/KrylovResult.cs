namespace Rom.Krylov;

/// <summary>What a Krylov solve returns: the iterate, how far it got, and why it stopped.</summary>
/// <param name="Solution">The final iterate x.</param>
/// <param name="Iterations">Number of iterations performed.</param>
/// <param name="ResidualHistory">Relative residual ‖b − A xₖ‖/‖b‖ for k = 0..Iterations (as tracked by the method).</param>
/// <param name="Reason">Why the solver stopped.</param>
/// <param name="Message">One line for people, e.g. "converged to 8.1e-11 in 412 iterations".</param>
/// <param name="Elapsed">Wall-clock time of the solve.</param>
public sealed record KrylovResult(
    double[] Solution,
    int Iterations,
    IReadOnlyList<double> ResidualHistory,
    StopReason Reason,
    string Message,
    TimeSpan Elapsed)
{
    /// <summary>Number of products with A the solve performed (residual recomputations included).</summary>
    public int MatrixVectorProducts { get; init; }

    /// <summary>True when the tolerance was reached.</summary>
    public bool Converged => Reason == StopReason.Converged;

    /// <summary>The last relative residual of the history.</summary>
    public double FinalRelativeResidual => ResidualHistory.Count > 0 ? ResidualHistory[^1] : double.NaN;
}
