using Rom.Cases.Settings;
using Rom.IO.Formats;
using Rom.IO.Hdf5;
using Rom.IO.Plots;
using Rom.Krylov;
using Rom.Krylov.Preconditioners;
using System.Diagnostics;
using Rom.LinearAlgebra;
using Rom.LinearAlgebra.Direct;

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
        SettingDefinition.Choice("solver.method", "cg",
            "Solver: 'cg' (SPD), 'minres' (symmetric), 'gmres' and 'bicgstab' (any square matrix), or 'cholesky' (sparse direct, SPD).",
            "cg", "minres", "gmres", "bicgstab", "cholesky"),
        SettingDefinition.Choice("solver.preconditioner", "jacobi",
            "Preconditioner: 'jacobi', 'ssor', 'ilu0', 'ic0', 'amg' (smoothed aggregation, SPD) or 'none'.",
            "jacobi", "ssor", "ilu0", "ic0", "amg", "none"),
        SettingDefinition.Integer("solver.restart", 40, "GMRES restart length m.", 1),
        SettingDefinition.Real("solver.relative_tolerance", 1e-10, "Stop when ‖b − A u‖ ≤ tolerance · ‖b‖.", x => x > 0 && x < 1, "a number in (0, 1)"),
        SettingDefinition.Integer("solver.max_iterations", 20_000, "Iteration cap; reaching it fails the run.", 1),
        OutputSettings.Plots,
        SettingDefinition.Flag("output.export_system", false, "Also store the assembled matrix (SciPy CSR layout) and right-hand side in /system."),
    ];

    /// <summary>Solves A u = b as the settings say, reporting progress as the residual falls towards the tolerance.</summary>
    public static KrylovResult Solve(CsrMatrix a, double[] b, CaseSettings settings, IProgress<ProgressUpdate> progress) =>
        settings.Text("solver.method") == "cholesky" ? SolveDirect(a, b, progress) : SolveIteratively(a, b, settings, progress);

    /// <summary>
    /// A sparse Cholesky solve reported in the Krylov result's terms: no iterations, and a residual history of the
    /// initial (1) and the final relative residual, recomputed as ‖b − A u‖/‖b‖.
    /// </summary>
    private static KrylovResult SolveDirect(CsrMatrix a, double[] b, IProgress<ProgressUpdate> progress)
    {
        progress.Report(new ProgressUpdate("solve", null, $"sparse Cholesky on {a.Rows:N0} unknowns"));
        var clock = Stopwatch.StartNew();
        var u = new double[a.Rows];
        Unsuitable("solver.method", "cholesky", () => SparseCholesky.Factor(a)).Solve(b, u);
        var elapsed = clock.Elapsed;
        var r = new double[a.Rows];
        a.Apply(u, r);
        for (int i = 0; i < r.Length; i++) r[i] = b[i] - r[i];
        double bNorm = Vectors.Norm(b), relative = bNorm == 0 ? 0 : Vectors.Norm(r) / bNorm;
        return new KrylovResult(u, 0, [1.0, relative], StopReason.Converged, $"sparse Cholesky, relative residual {relative:0.00E+00}", elapsed);
    }

    private static KrylovResult SolveIteratively(CsrMatrix a, double[] b, CaseSettings settings, IProgress<ProgressUpdate> progress)
    {
        double tolerance = settings.Real("solver.relative_tolerance");
        var options = new KrylovOptions(tolerance, (int)settings.Integer("solver.max_iterations"));
        string method = settings.Text("solver.method");
        IKrylovSolver solver = method switch
        {
            "minres" => new Minres(options),
            "gmres" => new Gmres(new GmresOptions(tolerance, options.MaxIterations, (int)settings.Integer("solver.restart"))),
            "bicgstab" => new BiCgStab(options),
            _ => new ConjugateGradient(options),
        };
        string name = settings.Text("solver.preconditioner");
        var preconditioner = Unsuitable("solver.preconditioner", name, () => name switch
        {
            "jacobi" => new JacobiPreconditioner(a),
            "ssor" => new SsorPreconditioner(a),
            "ilu0" => new Ilu0Preconditioner(a),
            "ic0" => new IncompleteCholeskyPreconditioner(a),
            "amg" => new SmoothedAggregationPreconditioner(a),
            _ => (IPreconditioner?)null,
        });
        progress.Report(new ProgressUpdate("solve", 0, $"{method.ToUpperInvariant()} ({name}) on {a.Rows:N0} unknowns"));
        var result = solver.Solve(a, b, preconditioner, monitor: (k, r) =>
            progress.Report(new ProgressUpdate("solve", Math.Clamp(Math.Log(r) / Math.Log(tolerance), 0, 1), $"iteration {k}, residual {r:0.00E+00}")));
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
            throw new CaseInputException(key, $"'{choice}'", $"a choice that suits this matrix, which it rejects: {e.Message.Split(" (Parameter")[0]}");
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
