using Rom.LinearAlgebra.Direct;
using Rom.Models.ThermalBlock;
using Rom.Models.ThermalBump;
using Rom.Reduction.Greedy;
using Rom.Reduction.Interpolation;

namespace Rom.Cases.Kinds;

/// <summary>
/// The thermal block with a Gaussian bump in its conductivity, d(x; μ) = μ_block(x) + h·exp(−|x − c|²/w²), the
/// bump's centre c and width w parameters. Not affine in (c, w): a run interpolates the bump by EIM, builds the
/// reduced basis on the EIM-affine operator with the bound min μ − h·ε̂ on its coercivity, and certifies it both
/// against the EIM-affine truth (bounded by Δ) and against the true non-affine model (bounded by Δ plus the EIM part).
/// </summary>
public sealed class ThermalBumpKind : ICaseKind
{
    private static readonly Dictionary<string, object> BlockDefaults = new()
    {
        ["problem.blocks_x"] = 2L,
        ["problem.blocks_y"] = 2L,
        ["problem.squares_per_side"] = 30L,
        ["run.diffusion"] = new[] { 0.8, 0.2, 0.5, 0.1 },
    };

    // 7 parameters and Q = 4 + M affine terms make each basis vector dear (Q·N residual terms): defaults that run in seconds.
    private static readonly Dictionary<string, object> ReductionDefaults = new()
    {
        ["reduction.training_points"] = 200L,
        ["reduction.max_basis_size"] = 25L,
        ["reduction.target_error"] = 1e-3,
    };

    /// <inheritdoc />
    public string Name => "thermal-bump";

    /// <inheritdoc />
    public string Summary => "thermal block with a Gaussian conductivity bump (non-affine centre and width), EIM + certified reduced basis";

    /// <inheritdoc />
    public string DefaultTitle => "2×2 thermal block with a moving Gaussian bump (30 squares per side)";

    /// <inheritdoc />
    public IReadOnlyList<SettingDefinition> Settings { get; } =
    [
        .. ThermalBlockKind.BlockSettings.Select(d => BlockDefaults.TryGetValue(d.Key, out var value) ? d with { Default = value } : d),
        SettingDefinition.Real("problem.bump_height", 1.0, "Height h of the Gaussian bump added to the block conductivity.", x => x >= 0, "a non-negative height"),
        SettingDefinition.Real("parameters.bump_centre.lower", 0.35, "Smallest coordinate of the bump centre.", x => x is >= 0 and <= 1, "a coordinate in [0, 1]"),
        SettingDefinition.Real("parameters.bump_centre.upper", 0.65, "Largest coordinate of the bump centre.", x => x is >= 0 and <= 1, "a coordinate in [0, 1]"),
        SettingDefinition.Real("parameters.bump_width.lower", 0.25, "Smallest bump width w.", x => x > 0, "a positive width"),
        SettingDefinition.Real("parameters.bump_width.upper", 0.35, "Largest bump width w.", x => x > 0, "a positive width"),
        new("run.bump_centre", SettingType.RealList, new[] { 0.5, 0.5 }, "Bump centre (x, y) of the run, or one value for both."),
        new("run.bump_width", SettingType.RealList, new[] { 0.3 }, "Bump width w of the run."),
        SettingDefinition.Integer("eim.training_points", 400, "Latin-hypercube samples of (centre, width) on which the EIM greedy runs.", 1),
        SettingDefinition.Integer("eim.max_terms", 80, "Most EIM terms.", 1),
        SettingDefinition.Real("eim.tolerance", 1e-3, "EIM greedy stops when max |g − I_M g| over its training set is below this.", x => x is >= 0 and < 1, "a number in [0, 1)"),
        .. LinearSystemStep.Settings,
        .. ReducedBasisStep.Settings.Select(d => ReductionDefaults.TryGetValue(d.Key, out var value) ? d with { Default = value } : d),
    ];

    /// <inheritdoc />
    public CaseRunOutcome Run(CaseRun run)
    {
        var s = run.Settings;
        var options = ReadOptions(s);
        var mu = ReadParameter(s, options);

        var (model, a, b, assembleSeconds) = ThermalBlockKind.Assemble(run, options.Blocks.SquaresPerSide, () =>
        {
            var m = new ThermalBumpModel(options);
            return (m, (CsrMatrix)m.Operator(mu), m.RightHandSide(mu));
        });

        var (result, results, plots, summary) = ThermalBlockKind.SolveAndRecord(run, model.Blocks, a, b, mu, assembleSeconds);
        var u = result.Solution;
        string title = run.Document.Name;
        if (s.Integer("reduction.enabled") == 0 || !result.Converged)
            return new CaseRunOutcome(results, plots, summary, result.Converged, result.Message);

        var eim = Interpolate(model, s, run.Progress);
        var reduction = ReducedBasisStep.Run(eim, model.ReferenceParameter, s, run.Progress, "the stiffness matrix at unit conductivity (the H¹₀ seminorm)", eim.CoercivityBound);
        var truth = CertifyAgainstTheTrueModel(model, eim, reduction, run.Progress);

        var group = results.GetOrAddGroup("eim");
        group.Attributes["terms"] = DataArray.Scalar((long)eim.Interpolant.Size);
        group.Attributes["training_error"] = DataArray.Scalar(eim.TrainingError);
        group.Datasets["greedy_max_errors"] = DataArray.Of(eim.Greedy.MaxErrors.ToArray());
        group.Datasets["magic_triangles"] = DataArray.Of(eim.Interpolant.Points.Select(p => (long)p).ToArray());
        group.Datasets["test_interpolation_errors"] = DataArray.Of(truth.InterpolationErrors);
        group.Datasets["test_true_relative_errors"] = DataArray.Of(truth.Errors);
        group.Datasets["test_true_relative_bounds"] = DataArray.Of(truth.Bounds);
        plots.Add(PlotRequest.Of("eim-convergence", new LinePlot(
            "EIM of the bump: max |g − I_M g| over the training set", "EIM terms M", "sup-norm interpolation error",
            [new LineSeriesData("training supremum", Enumerable.Range(0, eim.Greedy.MaxErrors.Count).Select(m => (double)m).ToArray(), eim.Greedy.MaxErrors.ToArray())],
            LogY: true)));

        double maxTestEim = truth.InterpolationErrors.Max();
        var eimSummary = new List<SummaryItem>
        {
            new("eim_terms", "EIM terms M", (long)eim.Interpolant.Size),
            new("eim_training_error", "EIM error ε̂ (training supremum, used in the bound)", eim.TrainingError),
            new("eim_max_test_error", "EIM error max ε(μ) over the test parameters", maxTestEim),
            new("max_true_rel_error", "max relative error vs the non-affine model", truth.Errors.Max()),
            new("max_true_bound", "max relative bound Δ + EIM part vs the non-affine model", truth.Bounds.Max()),
        };
        string? failure = Certification.SecondTruthFailure(maxTestEim, eim.TrainingError, "the bound's premise fails (raise eim.training_points)",
            truth.Errors, truth.Bounds, "test parameter", "the non-affine model");
        string message = failure
            ?? $"M = {eim.Interpolant.Size} EIM terms, ε̂ = {eim.TrainingError:0.00E+00}; vs the non-affine model: max relative error {truth.Errors.Max():0.00E+00} ≤ bound {truth.Bounds.Max():0.00E+00}";
        var reduced = reduction.Model.Reconstruct(reduction.Model.Solve(mu).Coefficients);
        plots.Add(PlotRequest.Of("reduced-error", new HeatmapPlot($"{title}: |u − u_N| at the run parameter (true model)", model.Blocks.VertexGrid(u.Zip(reduced, (x, y) => Math.Abs(x - y)).ToArray()), 0, 1, 0, 1, "|u − u_N|")));
        var outcome = reduction.After(results, plots, summary, result.Message);
        return outcome with { Summary = [.. outcome.Summary, .. eimSummary], Succeeded = outcome.Succeeded && failure is null, Message = $"{outcome.Message}; {message}" };
    }

    /// <summary>Errors of the reduced model against the non-affine truth and the bounds Δ + h·ε̂·(‖u_N‖ + Δ)/min μ, relative to ‖u‖_X.</summary>
    private sealed record TrueModelCheck(double[] Errors, double[] Bounds, double[] InterpolationErrors);

    private static TrueModelCheck CertifyAgainstTheTrueModel(ThermalBumpModel model, ThermalBumpInterpolation eim, ReductionReport reduction, IProgress<ProgressUpdate> progress)
    {
        var test = reduction.TestParameters;
        var (errors, bounds, eimErrors) = (new double[test.Count], new double[test.Count], new double[test.Count]);
        for (int i = 0; i < test.Count; i++)
        {
            progress.Report(new ProgressUpdate("certify", (double)i / test.Count, $"non-affine full-order solve {i + 1} of {test.Count}"));
            var mu = test[i];
            var u = new double[model.Dimension];
            SparseCholesky.Factor((CsrMatrix)model.Operator(mu)).Solve(model.RightHandSide(mu), u);
            (errors[i], bounds[i]) = Certification.AgainstAnotherTruth(reduction.Model, model.EnergyProduct, u, mu, normBound => eim.ModelErrorBound(mu, normBound));
            eimErrors[i] = eim.InterpolationError(mu);
        }
        return new TrueModelCheck(errors, bounds, eimErrors);
    }

    private static ThermalBumpInterpolation Interpolate(ThermalBumpModel model, CaseSettings s, IProgress<ProgressUpdate> progress)
    {
        int points = (int)Math.Min(s.Integer("eim.training_points"), 100_000);
        int maxTerms = (int)s.Integer("eim.max_terms");
        progress.Report(new ProgressUpdate("eim", 0, $"EIM greedy over {points:N0} bump parameters"));
        var training = ParameterSampling.LatinHypercube(model.ParameterSpace, points, (int)s.Integer("reduction.seed"));
        var eim = ThermalBumpInterpolation.Build(model, training, new GreedyOptions(MaxExtensions: maxTerms, AbsoluteTolerance: s.Real("eim.tolerance")));
        if (!(eim.GuaranteedCoercivity > 0))
            throw new CaseInputException("eim.tolerance", $"{s.Real("eim.tolerance"):G3} (reached ε̂ = {eim.TrainingError:G3} with {eim.Interpolant.Size} terms)",
                $"an EIM error with h·ε̂ below parameters.diffusion.lower = {model.Options.Blocks.MuLower:G3}, so that min μ − h·ε̂ > 0 bounds the coercivity (lower eim.tolerance or raise eim.max_terms)");
        return eim;
    }

    private static ThermalBumpOptions ReadOptions(CaseSettings s)
    {
        var (centreLower, centreUpper) = ParameterSettings.Range(s, ThermalBumpModel.CentreName);
        var (widthLower, widthUpper) = ParameterSettings.Range(s, ThermalBumpModel.WidthName);
        return new ThermalBumpOptions(ThermalBlockKind.ReadOptions(s), s.Real("problem.bump_height"), centreLower, centreUpper, widthLower, widthUpper);
    }

    private static Parameter ReadParameter(CaseSettings s, ThermalBumpOptions options) =>
        new(new Dictionary<string, double[]>
        {
            [ThermalBlockModel.ParameterName] = ThermalBlockKind.ReadParameter(s, options.Blocks)[ThermalBlockModel.ParameterName].ToArray(),
            [ThermalBumpModel.CentreName] = ParameterSettings.Values(s, ThermalBumpModel.CentreName, 2, "the two coordinates", (options.CentreLower, options.CentreUpper)),
            [ThermalBumpModel.WidthName] = ParameterSettings.Values(s, ThermalBumpModel.WidthName, 1, "one width", (options.WidthLower, options.WidthUpper)),
        });
}
