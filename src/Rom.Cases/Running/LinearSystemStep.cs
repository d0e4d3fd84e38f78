using Rom.Krylov;

namespace Rom.Cases.Running;

/// <summary>
/// The step every linear case shares: solver settings, the preconditioned Krylov solve with progress, and what
/// of it goes into the results file (the /solver group, the optional exported system) and the residual plot.
/// </summary>
public static class LinearSystemStep
{
    /// <summary>Settings of the solve and of what the run writes.</summary>
    public static IReadOnlyList<SettingDefinition> Settings { get; } =
    [
        SolverChoices.Method("solver.method", "cg", "Solver", KrylovSolvers.Methods.Where(m => !m.Recycles)),
        SolverChoices.Preconditioner("solver.preconditioner", "jacobi", "Preconditioner", KrylovSolvers.Preconditioners.Where(p => p.Reuse is null)),
        SettingDefinition.Integer("solver.restart", 40, "GMRES restart length m.", 1),
        SettingDefinition.Real("solver.relative_tolerance", 1e-10, "Stop when ‖b − A u‖ ≤ tolerance · ‖b‖.", x => x > 0 && x < 1, "a number in (0, 1)"),
        SettingDefinition.Integer("solver.max_iterations", 20_000, "Iteration cap; reaching it fails the run.", 1),
        OutputSettings.Plots,
        SettingDefinition.Flag("output.export_system", false, "Also store the assembled matrix (SciPy CSR layout) and right-hand side in /system."),
    ];

    /// <summary>Solves A u = b as the settings say, reporting progress as the residual falls towards the tolerance.</summary>
    public static KrylovResult Solve(CsrMatrix a, double[] b, CaseSettings settings, IProgress<ProgressUpdate> progress)
    {
        double tolerance = settings.Real("solver.relative_tolerance");
        string method = settings.Text("solver.method");
        bool direct = KrylovSolvers.Method(method).IsDirect;
        // A direct solve has no preconditioner; the setting then only matters for the iterative methods.
        string name = direct ? "none" : settings.Text("solver.preconditioner");
        var choice = new SolverSettings(method, name, tolerance, (int)Math.Min(settings.Integer("solver.max_iterations"), int.MaxValue),
            (int)Math.Min(settings.Integer("solver.restart"), int.MaxValue));
        var solver = choice.CreateSolver();
        var preconditioner = Unsuitable("solver.preconditioner", name, () => choice.CreatePreconditioner(a));
        progress.Report(new ProgressUpdate("solve", 0, direct
            ? $"sparse Cholesky on {a.Rows:N0} unknowns"
            : $"{method.ToUpperInvariant()} ({name}) on {a.Rows:N0} unknowns"));
        var result = Unsuitable("solver.method", method, () => solver.Solve(a, b, preconditioner, monitor: (k, r) =>
            progress.Report(new ProgressUpdate("solve", Math.Clamp(Math.Log(r) / Math.Log(tolerance), 0, 1), $"iteration {k}, residual {r:0.00E+00}"))));
        progress.Report(new ProgressUpdate("solve", 1, result.Message));
        return result;
    }

    /// <summary>Runs a solver set-up; when it rejects the matrix (a zero pivot, not SPD), blames the setting that chose it.</summary>
    private static T Unsuitable<T>(string key, string choice, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            throw new CaseInputException(key, $"'{choice}'", $"a choice that suits this matrix, which it rejects: {e.Reason()}");
        }
    }

    /// <summary>Stores the solver's settings, outcome and residual history in /solver, and the system in /system when asked.</summary>
    public static void Record(KrylovResult result, CsrMatrix a, double[] b, CaseSettings settings, DataGroup results)
    {
        var g = results.GetOrAddGroup("solver");
        g.Attributes["method"] = DataArray.Scalar(settings.Text("solver.method"));
        g.Attributes["preconditioner"] = DataArray.Scalar(settings.Text("solver.preconditioner"));
        g.Attributes["relative_tolerance"] = DataArray.Scalar(settings.Real("solver.relative_tolerance"));
        g.Attributes["iterations"] = DataArray.Scalar((long)result.Iterations);
        g.Attributes["converged"] = DataArray.Scalar(result.Converged ? 1L : 0L);
        g.Attributes["stop_reason"] = DataArray.Scalar(result.Reason.ToString());
        g.Attributes["message"] = DataArray.Scalar(result.Message);
        g.Attributes["relative_residual"] = DataArray.Scalar(result.FinalRelativeResidual);
        g.Attributes["seconds"] = DataArray.Scalar(result.Elapsed.TotalSeconds);
        g.Datasets["residual_history"] = DataArray.Of(result.ResidualHistory.ToArray());
        if (settings.Integer("output.export_system") == 1)
        {
            var system = results.GetOrAddGroup("system");
            system.Groups["matrix"] = CsrGroup.Write(a);
            system.Datasets["rhs"] = DataArray.Of(b);
        }
    }

    /// <summary>What a solve of a system given by its matrix leaves: /solution (u, @mu) and /solver, the summary, the residual plot.</summary>
    public sealed record MatrixSolve(KrylovResult Result, DataGroup Results, List<PlotRequest> Plots, List<SummaryItem> Summary);

    /// <summary>
    /// Solves A u = b for a case that carries its matrices: records u and the parameter <paramref name="mu"/> in
    /// /solution and the solve in /solver; the summary is <paramref name="leading"/>, the system's size and ‖u‖₂, then the solve's lines.
    /// </summary>
    public static MatrixSolve SolveMatrix(CsrMatrix a, double[] b, double[] mu, IEnumerable<SummaryItem> leading, CaseRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var result = Solve(a, b, run.Settings, run.Progress);
        var results = new DataGroup();
        var solution = results.GetOrAddGroup("solution");
        solution.Datasets["u"] = DataArray.Of(result.Solution);
        solution.Attributes["mu"] = DataArray.Of(mu);
        Record(result, a, b, run.Settings, results);
        var summary = new List<SummaryItem>(leading)
        {
            new("unknowns", "unknowns", (long)a.Rows),
            new("nonzeros", "non-zeros of A(μ)", (long)a.NonZeros),
            new("solution_norm", "‖u‖₂", Vectors.Norm(result.Solution)),
        };
        summary.AddRange(Summary(result));
        return new MatrixSolve(result, results, [ResidualPlot(result, run.Document.Name)], summary);
    }

    /// <summary>Summary lines of the solve.</summary>
    public static IEnumerable<SummaryItem> Summary(KrylovResult result) =>
    [
        new("iterations", "solver iterations", (long)result.Iterations),
        new("matvecs", "matrix-vector products", (long)result.MatrixVectorProducts),
        new("converged", "converged", result.Converged),
        new("relative_residual", "relative residual", result.FinalRelativeResidual),
        new("solve_seconds", "solve time", result.Elapsed.TotalSeconds, "s"),
    ];

    /// <summary>The residual history on a logarithmic axis; <paramref name="name"/> is the case's short name.</summary>
    public static PlotRequest ResidualPlot(KrylovResult result, string name) =>
        PlotRequest.Of("residuals", new LinePlot(
            $"{name}: solver residual history",
            "iteration",
            "relative residual ‖b − A u‖ / ‖b‖",
            [new LineSeriesData("residual", Enumerable.Range(0, result.ResidualHistory.Count).Select(i => (double)i).ToArray(), result.ResidualHistory.ToArray())],
            LogY: true));
}
