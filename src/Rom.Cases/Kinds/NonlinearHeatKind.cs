using Rom.Models.NonlinearHeat;
using Rom.Reduction.Adaptive;

namespace Rom.Cases.Kinds;

/// <summary>
/// Nonlinear heat, ∂u/∂t − ∇·(κ₀(1 + βu²)∇u) = s(x, t) with a source moving across the square: the full-order
/// trajectory (implicit Euler, Newton), the adaptive error-indicator ROM trained on its first steps (Casenave &amp;
/// Akkari 2019), and the same POD–DEIM ROM without enrichment, compared step by step.
/// </summary>
public sealed class NonlinearHeatKind : ICaseKind
{
    /// <inheritdoc />
    public string Name => "nonlinear-heat";

    /// <inheritdoc />
    public string Summary => "nonlinear transient heat with a moving source: full-order vs adaptive (self-enriching) POD–DEIM ROM";

    /// <inheritdoc />
    public string DefaultTitle => "nonlinear heat, moving source: adaptive error-indicator ROM";

    /// <inheritdoc />
    public IReadOnlyList<SettingDefinition> Settings { get; } =
    [
        new("problem.squares_per_side", SettingType.Integer, 20L, "Mesh squares per side of the unit square.",
            v => (long)v is >= 2 and <= 400 ? null : "an integer in 2..400"),
        SettingDefinition.Integer("problem.steps", 150, "Implicit Euler steps.", 1),
        SettingDefinition.Real("problem.time_step", 0.01, "Step length Δt.", x => x > 0, "a positive number"),
        SettingDefinition.Real("problem.kappa0", 1, "Conductivity κ₀ at u = 0.", x => x > 0, "a positive conductivity"),
        SettingDefinition.Real("problem.beta", 1, "Temperature dependence β of κ = κ₀(1 + βu²).", x => x >= 0, "a non-negative number"),
        SettingDefinition.Real("problem.amplitude", 300, "Peak source strength.", x => x != 0, "a non-zero amplitude (a zero source leaves the temperature at zero: nothing to reduce)"),
        SettingDefinition.Real("problem.width", 0.08, "Width w of the Gaussian source.", x => x > 0, "a positive width"),
        SettingDefinition.Real("reduction.training_fraction", 0.15, "Fraction of the first full-order steps the ROM is trained on.", x => x > 0 && x <= 1, "a number in (0, 1]"),
        SettingDefinition.Real("reduction.indicator_tolerance", 1e-2, "τ: a reduced step whose indicator exceeds this is redone in full order and enriches the ROM.", x => x > 0, "a positive number"),
        SettingDefinition.Real("reduction.error_bound", 5e-2, "The stated tolerance on the max relative error over all steps; the run fails if the adaptive ROM exceeds it.", x => x > 0, "a positive number"),
        OutputSettings.Plots,
    ];

    /// <inheritdoc />
    public CaseRunOutcome Run(CaseRun run)
    {
        var s = run.Settings;
        // A source much narrower than the mesh spacing misses every node and is zero on the mesh.
        double spacing = 1.0 / s.Integer("problem.squares_per_side");
        if (s.Real("problem.width") < spacing / 4)
            throw new CaseInputException("problem.width", s.Real("problem.width").ToString("G6"),
                $"at least a quarter of the mesh spacing h = 1/{s.Integer("problem.squares_per_side")} ({spacing / 4:G3}), so the mesh resolves the source");
        var model = new NonlinearHeatModel(new NonlinearHeatOptions(
            SquaresPerSide: (int)s.Integer("problem.squares_per_side"),
            Steps: (int)s.Integer("problem.steps"),
            TimeStep: s.Real("problem.time_step"),
            Kappa0: s.Real("problem.kappa0"),
            Beta: s.Real("problem.beta"),
            Amplitude: s.Real("problem.amplitude"),
            Width: s.Real("problem.width")));

        run.Progress.Report(new ProgressUpdate("full order", null, $"{model.Options.Steps} Newton steps on {model.InteriorNodes.Count:N0} unknowns"));
        var clock = Stopwatch.StartNew();
        var trajectory = model.SolveTrajectory();
        double fomSeconds = clock.Elapsed.TotalSeconds;
        int trained = Math.Max(2, (int)(trajectory.States.Count * s.Real("reduction.training_fraction")));
        var training = trajectory.States.Take(trained).ToArray();

        run.Progress.Report(new ProgressUpdate("adaptive", null, $"trained on the first {trained} states"));
        double tolerance = s.Real("reduction.indicator_tolerance");
        clock.Restart();
        var adaptive = new AdaptiveRom(model, training, new AdaptiveRomOptions(IndicatorTolerance: tolerance)).Run();
        double adaptiveSeconds = clock.Elapsed.TotalSeconds;
        run.Progress.Report(new ProgressUpdate("plain ROM", null, "the same ROM without enrichment"));
        var plain = new AdaptiveRom(model, training, new AdaptiveRomOptions(IndicatorTolerance: double.PositiveInfinity)).Run();

        var adaptiveErrors = adaptive.RelativeErrors(trajectory.States);
        var plainErrors = plain.RelativeErrors(trajectory.States);
        double bound = s.Real("reduction.error_bound");
        bool succeeded = adaptiveErrors.Max() <= bound;
        int steps = adaptive.FullOrder.Count;
        string message = $"adaptive ROM: {adaptive.FullOrderStepCount} of {steps} steps full-order, max relative error {adaptiveErrors.Max():0.00E+00} "
            + (succeeded ? "≤" : ">") + $" {bound:G3}; without enrichment {plainErrors.Max():0.00E+00}";

        var results = new DataGroup();
        var g = results.GetOrAddGroup("adaptive");
        g.Datasets["full_order_step"] = DataArray.Of(adaptive.FullOrder.Select(f => f ? 1L : 0L).ToArray());
        g.Datasets["indicator"] = DataArray.Of(adaptive.Indicators.Select(x => double.IsFinite(x) ? x : double.MaxValue).ToArray());
        g.Datasets["basis_size"] = DataArray.Of(adaptive.BasisSizes.Select(n => (long)n).ToArray());
        g.Datasets["interpolation_size"] = DataArray.Of(adaptive.InterpolationSizes.Select(n => (long)n).ToArray());
        g.Datasets["relative_error"] = DataArray.Of(adaptiveErrors);
        g.Datasets["plain_relative_error"] = DataArray.Of(plainErrors);
        g.Attributes["indicator_tolerance"] = DataArray.Scalar(tolerance);
        g.Attributes["training_states"] = DataArray.Scalar((long)trained);
        results.GetOrAddGroup("solution").Datasets["final_state"] = DataArray.Of(trajectory.States[^1]);

        var stepAxis = Enumerable.Range(0, adaptiveErrors.Length).Select(k => (double)k).ToArray();
        var plots = new List<PlotRequest>
        {
            PlotRequest.Of("errors", new LinePlot("adaptive vs plain POD–DEIM ROM", "time step", "relative error ‖u − ũ‖ / ‖u‖",
            [
                new LineSeriesData("adaptive (enriched)", stepAxis, adaptiveErrors),
                new LineSeriesData("without enrichment", stepAxis, plainErrors),
                new LineSeriesData("stated bound", [0, stepAxis[^1]], [bound, bound]),
            ], LogY: true)),
            PlotRequest.Of("indicator", new LinePlot($"error indicator and tolerance τ = {tolerance:G3}", "time step", "indicator",
            [
                new LineSeriesData("indicator", stepAxis[..steps], adaptive.Indicators.Select(x => double.IsFinite(x) ? x : 1e3).ToArray()),
                new LineSeriesData("τ", [0, steps - 1], [tolerance, tolerance]),
            ], LogY: true)),
            PlotRequest.Of("final-state", new HeatmapPlot($"{run.Document.Name}: final temperature", model.Mesh.VertexGrid(trajectory.States[^1]), 0, 1, 0, 1, "u")),
        };
        var summary = new List<SummaryItem>
        {
            new("unknowns", "unknowns", (long)model.InteriorNodes.Count),
            new("steps", "time steps", (long)steps),
            new("full_order_steps", "steps done in full order", (long)adaptive.FullOrderStepCount),
            new("full_order_fraction", "fraction of full-order steps", (double)adaptive.FullOrderStepCount / steps),
            new("max_rel_error", "max relative error (adaptive)", adaptiveErrors.Max()),
            new("plain_max_rel_error", "max relative error (no enrichment)", plainErrors.Max()),
            new("basis_size", "final basis size", (long)adaptive.BasisSizes[^1]),
            new("fom_seconds", "full-order trajectory time", fomSeconds, "s"),
            new("rom_seconds", "adaptive ROM time", adaptiveSeconds, "s"),
        };
        return new CaseRunOutcome(results, plots, summary, succeeded, message);
    }
}
