namespace Rom.GaussianProcesses;

/// <summary>The field U that minimises J at fixed parameters, and how it was found.</summary>
/// <param name="Field">U at every grid point.</param>
/// <param name="Iterations">CGLS iterations (0 for the dense solve), summed over the Gauss–Newton steps of a nonlinear problem.</param>
/// <param name="RelativeResidual">‖Aᵀ(b − A y)‖ / ‖Aᵀb‖ of the (last) preconditioned least-squares problem at the end (0 for the dense solve).</param>
/// <param name="Converged">Whether the tolerance was met (for a nonlinear problem: by the Gauss–Newton iteration and its last linear solve).</param>
/// <param name="GaussNewtonIterations">Gauss–Newton steps taken (0 for a linear problem, solved in one least-squares solve).</param>
public sealed record GpFieldSolve(double[] Field, int Iterations, double RelativeResidual, bool Converged, int GaussNewtonIterations = 0);
