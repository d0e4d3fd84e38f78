namespace Rom.Krylov;

/// <summary>What a Krylov solve returns: the iterate, how far it got, and why it stopped.</summary>
/// <param name="Solution">The final iterate x.</param>
/// <param name="Iterations">Number of iterations performed.</param>
/// <param name="ResidualHistory">Relative residual for k = 0..Iterations as tracked by the method, in <see cref="HistoryNorm"/>
/// (‖b − A xₖ‖/‖b‖ unless the method measures another norm).</param>
/// <param name="Reason">Why the solver stopped.</param>
/// <param name="Message">One line for people, e.g. "converged to relative residual 8.1E-11 in 412 iterations".</param>
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

    /// <summary>The norm <see cref="ResidualHistory"/> is measured in.</summary>
    public ResidualNorm HistoryNorm { get; init; }

    /// <summary>True when the tolerance was reached.</summary>
    public bool Converged => Reason == StopReason.Converged;

    /// <summary>The last relative residual of the history.</summary>
    public double FinalRelativeResidual => ResidualHistory.Count > 0 ? ResidualHistory[^1] : double.NaN;
}
