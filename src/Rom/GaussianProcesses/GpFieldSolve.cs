namespace Rom.GaussianProcesses;

/// <summary>The field U that minimises J at fixed parameters, and how it was found.</summary>
/// <param name="Field">U at every grid point.</param>
/// <param name="Iterations">CGLS iterations (0 for the dense solve).</param>
/// <param name="RelativeResidual">‖Aᵀ(b − A y)‖ / ‖Aᵀb‖ of the preconditioned least-squares problem at the end (0 for the dense solve).</param>
/// <param name="Converged">Whether the tolerance was met.</param>
public sealed record GpFieldSolve(double[] Field, int Iterations, double RelativeResidual, bool Converged);
