using Rom.GaussianProcesses;

namespace Rom.Cases.GaussianProcesses;

/// <summary>One GP solve of a case at some number of points per dimension, with its errors where the exact solution is known.</summary>
/// <param name="Problem">The problem on its grid.</param>
/// <param name="Solution">What the solver returned.</param>
/// <param name="Exact">The exact solution on the grid, or null.</param>
/// <param name="RelativeL2">‖U − u‖/‖u‖ over the error points (NaN without an exact solution).</param>
/// <param name="MaxError">max |U − u| over the error points (NaN without an exact solution).</param>
/// <param name="ErrorPoints">Points per dimension where the errors are measured: the collocation grid's, or the test grid's.</param>
public sealed record GpRunResult(GpPdeProblem Problem, GpSolution Solution, double[]? Exact, double RelativeL2, double MaxError, IReadOnlyList<int> ErrorPoints)
{
    /// <summary>
    /// Builds the case's problem at <paramref name="points"/> per dimension and solves it; the errors are at the grid
    /// points, or through the posterior mean (<see cref="GpPosteriorMean"/>) on <see cref="GpCase.Setup.TestGrid"/> when it is set.
    /// </summary>
    public static GpRunResult Solve(GpPdeSolver solver, GpCase.Setup setup, int points)
    {
        ArgumentNullException.ThrowIfNull(solver);
        ArgumentNullException.ThrowIfNull(setup);
        var (problem, exact) = setup.Build(points);
        var solution = solver.Solve(problem);
        if (exact is null)
            return new GpRunResult(problem, solution, null, double.NaN, double.NaN, problem.Grid.Sizes);
        if (setup.TestGrid is { } test && setup.Exact is { } u)
        {
            var mean = new GpPosteriorMean(problem.Grid, solution.Kernels, setup.Options.Jitter, solution.Field).Evaluate(test);
            var (l2, max) = Errors(mean, test.Sample(u));
            return new GpRunResult(problem, solution, exact, l2, max, test.Sizes);
        }
        var (relative, maximum) = Errors(solution.Field, exact);
        return new GpRunResult(problem, solution, exact, relative, maximum, problem.Grid.Sizes);
    }

    private static (double RelativeL2, double Max) Errors(double[] approximation, double[] exact)
    {
        double difference = 0, norm = 0, max = 0;
        for (int i = 0; i < exact.Length; i++)
        {
            double e = approximation[i] - exact[i];
            difference += e * e;
            norm += exact[i] * exact[i];
            max = Math.Max(max, Math.Abs(e));
        }
        return (Math.Sqrt(difference / norm), max);
    }
}
