using Rom.GaussianProcesses;

namespace Rom.Cases.GaussianProcesses;

/// <summary>
/// What a <c>gp-pde</c> run saves, plots and prints (docs/case-format.md, kind gp-pde): the solution and exact solution
/// on the grid, every axis's learned kernel (weights, scales, frequencies), the optimiser's history and the study of
/// the error against the number of points.
/// </summary>
public static class GpRunOutcome
{
    /// <summary>The outcome of the main solve <paramref name="main"/> and the study's solves.</summary>
    public static CaseRunOutcome Of(string caseName, GpCase.Setup setup, GpRunResult main, IReadOnlyList<GpRunResult> study)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(study);
        var grid = main.Problem.Grid;
        int[] shape = [.. grid.Sizes];
        var results = new DataGroup();
        var solution = results.GetOrAddGroup("solution");
        solution.Datasets["u"] = DataArray.Of(main.Solution.Field, shape);
        if (main.Exact is not null)
            solution.Datasets["exact"] = DataArray.Of(main.Exact, shape);
        for (int d = 0; d < grid.Dimensions; d++)
            solution.Datasets[$"axis{d}"] = DataArray.Of(grid.Coordinates(d));
        for (int d = 0; d < main.Solution.Kernels.Count; d++)
        {
            var kernel = main.Solution.Kernels[d];
            var spectrum = Spectrum(kernel);
            var group = results.GetOrAddGroup($"kernels/axis{d}");
            group.Attributes["family"] = DataArray.Scalar(kernel.Family.ToString());
            group.Datasets["weights"] = DataArray.Of(spectrum.Weights);
            group.Datasets["scales"] = DataArray.Of(spectrum.Scales);
            group.Datasets["frequencies"] = DataArray.Of(spectrum.Frequencies);
        }
        var history = main.Solution.Optimization.History;
        var h = results.GetOrAddGroup("history");
        h.Datasets["iteration"] = DataArray.Of(history.Select(r => (long)r.Iteration).ToArray());
        h.Datasets["objective"] = DataArray.Of(history.Select(r => r.Objective).ToArray());
        h.Datasets["relative_residual"] = DataArray.Of(history.Select(r => r.Residual).ToArray());
        h.Datasets["seconds"] = DataArray.Of(history.Select(r => r.ElapsedSeconds).ToArray());
        h.Datasets["start_objectives"] = DataArray.Of(main.Solution.StartObjectives.ToArray());
        if (study.Count > 0)
        {
            var s = results.GetOrAddGroup("study");
            s.Datasets["points"] = DataArray.Of(study.Select(r => (long)r.Problem.Grid.Sizes[0]).ToArray());
            s.Datasets["rel_l2"] = DataArray.Of(study.Select(r => r.RelativeL2).ToArray());
            s.Datasets["max_error"] = DataArray.Of(study.Select(r => r.MaxError).ToArray());
            s.Datasets["seconds"] = DataArray.Of(study.Select(r => r.Solution.ElapsedSeconds).ToArray());
            s.Datasets["error_points"] = DataArray.Of(main.ErrorPoints.Select(n => (long)n).ToArray());
        }

        var optimization = main.Solution.Optimization;
        var summary = new List<SummaryItem>
        {
            new("problem", "problem", setup.Name),
            new("points", "collocation points", grid.Sizes.Select(n => (long)n).ToArray()),
            new("rel_l2", "relative L2 error", main.RelativeL2),
            new("max_error", "max error", main.MaxError),
            new("error_points", main.ErrorPoints.SequenceEqual(grid.Sizes) ? "errors at the collocation points" : "errors through the posterior mean at test points",
                main.ErrorPoints.Select(n => (long)n).ToArray()),
            new("relative_residual", "relative equation residual ‖L U − f‖/‖f‖", main.Solution.Terms.RelativeResidual),
            new("iterations", "optimiser iterations", (long)optimization.Iterations),
            new("optimizer", "optimiser", setup.Options.Optimizer.ToString()),
            new("stop_reason", "stop", optimization.StopReason),
            new("components", "spectral components kept per axis", main.Solution.Kernels.Select(k => (long)k.ActiveComponents).ToArray()),
            new("start", "start kept (lowest objective)", (long)main.Solution.Start),
            new("seconds", "solve time", main.Solution.ElapsedSeconds, "s"),
        };
        string errors = main.Exact is null ? "no exact solution given" : $"relative L2 error {main.RelativeL2:0.00E+00}, max error {main.MaxError:0.00E+00}";
        string message = main.Solution.Failed
            ? $"the optimiser diverged ({optimization.StopReason}); the last finite state is saved: {errors}"
            : $"{errors} after {optimization.Iterations} iterations ({optimization.StopReason})";
        return new CaseRunOutcome(results, Plots(caseName, main, study), summary, !main.Solution.Failed, message);
    }

    /// <summary>(w_q, ℓ_q, f_q) of every component, from θ = (log w, log ℓ, f).</summary>
    private static (double[] Weights, double[] Scales, double[] Frequencies) Spectrum(SpectralMixtureKernel kernel)
    {
        var theta = kernel.Parameters;
        int q = kernel.Components;
        return ([.. theta[..q].ToArray().Select(Math.Exp)], [.. theta[q..(2 * q)].ToArray().Select(Math.Exp)],
            [.. Enumerable.Range(0, q).Select(kernel.Frequency)]);
    }

    private static List<PlotRequest> Plots(string caseName, GpRunResult main, IReadOnlyList<GpRunResult> study)
    {
        var grid = main.Problem.Grid;
        var plots = new List<PlotRequest>();
        var u = main.Solution.Field;
        var error = main.Exact is null ? null : u.Select((v, i) => Math.Abs(v - main.Exact[i])).ToArray();
        if (grid.Dimensions == 1)
        {
            var x = grid.Coordinates(0);
            var series = new List<LineSeriesData> { new("GP", x, u) };
            if (main.Exact is not null)
                series.Add(new LineSeriesData("exact", x, main.Exact));
            plots.Add(PlotRequest.Of("solution", new LinePlot($"{caseName}: solution", "x", "u", series)));
            if (error is not null)
                plots.Add(PlotRequest.Of("error", new LinePlot($"{caseName}: |U − u|", "x", "absolute error", [new LineSeriesData("|U − u|", x, error)], LogY: true)));
        }
        else if (grid.Dimensions == 2)
        {
            var (x, y) = (grid.Coordinates(0), grid.Coordinates(1));
            HeatmapPlot Map(string title, double[] values, string label) =>
                new(title, Table(values, x.Length, y.Length), x[0], x[^1], y[0], y[^1], label);
            var row = new List<HeatmapPlot> { Map("GP solution", u, "u") };
            if (main.Exact is not null)
                row.AddRange([Map("exact", main.Exact, "u"), Map("|U − u|", error!, "error")]);
            plots.Add(PlotRequest.Of("solution", new HeatmapGrid($"{caseName}: solution", [row])));
        }
        plots.Add(PlotRequest.Of("spectrum", new LinePlot($"{caseName}: learned spectrum (weight of each component at its frequency)", "|frequency| (cycles per unit length)", "weight w_q",
            [.. main.Solution.Kernels.Select((k, d) =>
            {
                var (weights, _, signed) = Spectrum(k);
                var frequencies = signed.Select(Math.Abs).ToArray(); // cos(2π f r) is even in f
                // Pruned components (weight 0) have no place on the log axis.
                var order = Enumerable.Range(0, frequencies.Length).Where(i => weights[i] > 0).OrderBy(i => frequencies[i]).ToArray();
                return new LineSeriesData($"axis {d}", [.. order.Select(i => frequencies[i])], [.. order.Select(i => weights[i])]);
            })], LogY: true, Markers: true)));
        var history = main.Solution.Optimization.History.Where(r => double.IsFinite(r.Objective)).ToList();
        if (history.Count > 0)
            plots.Add(PlotRequest.Of("history", new LinePlot($"{caseName}: optimisation", "iteration", "relative equation residual",
                [new LineSeriesData("‖L U − f‖/‖f‖", [.. history.Select(r => (double)r.Iteration)], [.. history.Select(r => r.Residual)])], LogY: true)));
        if (study.Count > 0 && main.Exact is not null)
            plots.Add(PlotRequest.Of("study", new LinePlot($"{caseName}: error against collocation points (Nyquist)", "points per dimension", "relative L2 error",
                [new LineSeriesData("GP", [.. study.Select(r => (double)r.Problem.Grid.Sizes[0])], [.. study.Select(r => r.RelativeL2)])], LogY: true, Markers: true)));
        return plots;
    }

    /// <summary>A row-major nx × ny field as Values[i, j] at (x_i, y_j).</summary>
    private static double[,] Table(double[] values, int nx, int ny)
    {
        var table = new double[nx, ny];
        for (int i = 0; i < nx; i++)
            for (int j = 0; j < ny; j++)
                table[i, j] = values[i * ny + j];
        return table;
    }
}
