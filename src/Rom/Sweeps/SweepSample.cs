using Rom.Krylov;

namespace Rom.Sweeps;

/// <summary>One solved system of a sweep: what a dataset stores per sample.</summary>
/// <param name="Index">The system's index in its family.</param>
/// <param name="Position">Its position in the sweep's order.</param>
/// <param name="Solution">The computed solution x, or its values on the family's <see cref="Models.ISystemFamily.StoredGrid"/>.</param>
/// <param name="Iterations">Iterations of the solver (0 for a direct solve).</param>
/// <param name="MatrixVectorProducts">Products with A the solver performed (residual recomputations included).</param>
/// <param name="RelativeResidual">‖b − A x‖/‖b‖ recomputed by the sweep, independently of the solver's own estimate.</param>
/// <param name="Seconds">Wall-clock time of the preconditioner set-up and the solve (not of assembling the system).</param>
/// <param name="Reason">Why the solver stopped.</param>
/// <param name="Message">The solver's one-line message.</param>
/// <param name="WarmStartFrom">Index of the system whose solution was the initial guess, or −1 for a zero start.</param>
public sealed record SweepSample(
    int Index,
    int Position,
    double[] Solution,
    int Iterations,
    int MatrixVectorProducts,
    double RelativeResidual,
    double Seconds,
    StopReason Reason,
    string Message,
    int WarmStartFrom)
{
    /// <summary>True when the solver reached its tolerance.</summary>
    public bool Converged => Reason == StopReason.Converged;
}
