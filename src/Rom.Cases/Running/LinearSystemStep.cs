using Rom.Cases.Settings;
using Rom.IO.Formats;
using Rom.IO.Hdf5;
using Rom.IO.Plots;
using Rom.Krylov;
using Rom.LinearAlgebra;

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
        SettingDefinition.Choice("solver.method", "cg", "Krylov method: conjugate gradients (SPD systems).", "cg"),
        SettingDefinition.Choice("solver.preconditioner", "jacobi", "Preconditioner: jacobi (diagonal) or none.", "jacobi", "none"),
        SettingDefinition.Real("solver.relative_tolerance", 1e-10, "Stop when ‖b − A u‖ ≤ tolerance · ‖b‖.", x => x > 0 && x < 1, "a number in (0, 1)"),
        SettingDefinition.Integer("solver.max_iterations", 20_000, "Iteration cap; reaching it fails the run.", 1),
        SettingDefinition.Flag("output.plots", true, "Write SVG and PNG plots beside the results file."),
        SettingDefinition.Flag("output.export_system", false, "Also store the assembled matrix (SciPy CSR layout) and right-hand side in /system."),
    ];

    /// <summary>Solves A u = b as the settings say, reporting progress as the residual falls towards the tolerance.</summary>
    public static KrylovResult Solve(CsrMatrix a, double[] b, CaseSettings settings, IProgress<ProgressUpdate> progress)
    {
        double tolerance = settings.Real("solver.relative_tolerance");
        var solver = new ConjugateGradient(new KrylovOptions(tolerance, (int)settings.Integer("solver.max_iterations")));
        IPreconditioner? preconditioner = settings.Text("solver.preconditioner") == "jacobi" ? new JacobiPreconditioner(a) : null;
        progress.Report(new ProgressUpdate("solve", 0, $"CG on {a.Rows:N0} unknowns"));
        var result = solver.Solve(a, b, preconditioner, monitor: (k, r) =>
            progress.Report(new ProgressUpdate("solve", Math.Clamp(Math.Log(r) / Math.Log(tolerance), 0, 1), $"iteration {k}, residual {r:0.00E+00}")));
        progress.Report(new ProgressUpdate("solve", 1, result.Message));
        return result;
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

    /// <summary>Summary lines of the solve.</summary>
    public static IEnumerable<SummaryItem> Summary(KrylovResult result) =>
    [
        new("iterations", "CG iterations", (long)result.Iterations),
        new("converged", "converged", result.Converged),
        new("relative_residual", "relative residual", result.FinalRelativeResidual),
        new("solve_seconds", "solve time", result.Elapsed.TotalSeconds, "s"),
    ];

    /// <summary>The residual history on a logarithmic axis; <paramref name="name"/> is the case's short name.</summary>
    public static PlotRequest ResidualPlot(KrylovResult result, string name) =>
        PlotRequest.Of("residuals", new LinePlot(
            $"{name}: CG residual history",
            "iteration",
            "relative residual ‖b − A u‖ / ‖b‖",
            [new LineSeriesData("residual", Enumerable.Range(0, result.ResidualHistory.Count).Select(i => (double)i).ToArray(), result.ResidualHistory.ToArray())],
            LogY: true));
}
