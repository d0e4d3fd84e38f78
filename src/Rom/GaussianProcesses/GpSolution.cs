namespace Rom.GaussianProcesses;

/// <summary>What <see cref="GpPdeSolver.Solve"/> returns.</summary>
/// <param name="Field">U, the solution at every grid point (row-major).</param>
/// <param name="Parameters">φ = (θ₁, …, θ_D, log τ, log v) at the end.</param>
/// <param name="Kernels">The learned kernel of every axis.</param>
/// <param name="Terms">The objective's parts at the end.</param>
/// <param name="Optimization">The optimiser's result: iterations, stop reason, failure flag and history.</param>
/// <param name="ElapsedSeconds">Wall-clock seconds of the whole solve, every start included.</param>
/// <param name="Start">Which start this solution came from (0: the reference's; see <see cref="GpSolverOptions.Restarts"/>).</param>
/// <param name="StartObjectives">J at the end of every start; the solution is the lowest that did not diverge.</param>
public sealed record GpSolution(double[] Field, double[] Parameters, IReadOnlyList<SpectralMixtureKernel> Kernels, GpObjectiveTerms Terms,
    OptimizationResult Optimization, double ElapsedSeconds, int Start, IReadOnlyList<double> StartObjectives)
{
    /// <summary>Whether the optimiser diverged (the solution is then the last finite state).</summary>
    public bool Failed => Optimization.Failed;
}
