using Rom.GaussianProcesses;

namespace Rom.Cases.GaussianProcesses;

/// <summary>One GP solve of a case at some number of points per dimension, with its errors where the exact solution is known.</summary>
/// <param name="Problem">The problem on its grid.</param>
/// <param name="Solution">What the solver returned.</param>
/// <param name="Exact">The exact solution on the grid, or null.</param>
/// <param name="RelativeL2">‖U − u‖/‖u‖ over the grid points (NaN without an exact solution).</param>
/// <param name="MaxError">max |U − u| (NaN without an exact solution).</param>
public sealed record GpRunResult(GpPdeProblem Problem, GpSolution Solution, double[]? Exact, double RelativeL2, double MaxError)
{
    /// <summary>Builds the case's problem at <paramref name="points"/> per dimension and solves it.</summary>
    public static GpRunResult Solve(GpPdeSolver solver, GpCase.Setup setup, int points)
    {
        ArgumentNullException.ThrowIfNull(solver);
        ArgumentNullException.ThrowIfNull(setup);
        var (problem, exact) = setup.Build(points);
        var solution = solver.Solve(problem);
        if (exact is null)
            return new GpRunResult(problem, solution, null, double.NaN, double.NaN);
        double difference = 0, norm = 0, max = 0;
        for (int i = 0; i < exact.Length; i++)
        {
            double e = solution.Field[i] - exact[i];
            difference += e * e;
            norm += exact[i] * exact[i];
            max = Math.Max(max, Math.Abs(e));
        }
        return new GpRunResult(problem, solution, exact, Math.Sqrt(difference / norm), max);
    }
}
