using Rom.IO;
using Rom.Krylov;
using Rom.LinearAlgebra.Direct;
using Rom.Models;
using Rom.Reduction.Coercivity;
using Rom.Reduction.Greedy;
using Rom.Reduction.Residuals;

namespace Rom.Cases.Running;

/// <summary>
/// The reduced-basis pipeline of a coercive affine case: offline, the weak greedy builds the basis; online, the
/// reduced model is certified on seeded random test parameters against full-order solves (true errors, bounds,
/// effectivities, time per parameter, speed-up), with error and bound against the basis size.
/// </summary>
public static class ReducedBasisStep
{
    /// <summary>Largest training set accepted, so a mistyped grid is refused before it is built.</summary>
    private const long MaxTrainingSize = 200_000;

    /// <summary>The residual estimators <c>reduction.estimator</c> names, in the order listed, each made with its settings from the case.</summary>
    private static readonly (string Name, Func<CaseSettings, IResidualEstimator> Create)[] Estimators =
    [
        ("stable", _ => ResidualEstimators.Stable),
        ("classical", _ => ResidualEstimators.Classical),
        ("eim", s => new InterpolatedResidualEstimator(s.Real("reduction.eim_tolerance"))),
        ("sketched", s => new SketchedResidualEstimator(new SketchOptions((int)s.Integer("reduction.sketch_rows"), s.Real("reduction.sketch_failure_probability"), (int)s.Integer("reduction.sketch_seed")))),
    ];

    /// <summary>Settings of the reduction.</summary>
    public static IReadOnlyList<SettingDefinition> Settings { get; } =
    [
        SettingDefinition.Flag("reduction.enabled", true, "Build and certify a reduced basis after the full-order solve."),
        SettingDefinition.Choice("reduction.training", "latin-hypercube", "Training set: 'grid' (training_points values per parameter entry, ends included) or 'latin-hypercube' (training_points samples).", "grid", "latin-hypercube"),
        SettingDefinition.Integer("reduction.training_points", 1000, "Grid values per entry, or number of Latin-hypercube samples.", 1),
        SettingDefinition.Integer("reduction.max_basis_size", 200, "Largest basis the greedy builds.", 1, 100_000),
        SettingDefinition.Real("reduction.target_error", 1e-6, "Greedy stops when the largest relative error bound on the training set is below this.", x => x >= 0 && x < 1, "a number in [0, 1)"),
        SettingDefinition.Choice("reduction.estimator", "stable", "Residual norm: 'stable' (orthonormal Riesz basis, accurate to round-off), 'classical' (quadratic form, stalls near 1e-8), 'eim' (Casenave's EIM of the local residual energies: accurate to round-off, an approximation to reduction.eim_tolerance) or 'sketched' (a Gaussian sketch of 'stable': accurate to round-off, online cost reduction.sketch_rows·QN, a bound with probability 1 − reduction.sketch_failure_probability per parameter).", [.. Estimators.Select(e => e.Name)]),
        SettingDefinition.Integer("reduction.sketch_rows", 64, "With reduction.estimator=sketched: rows k of the Gaussian sketch.", 1, 65_536),
        SettingDefinition.Integer("reduction.sketch_seed", 0, "With reduction.estimator=sketched: seed of the Gaussian sketch.", 0),
        SettingDefinition.Real("reduction.sketch_failure_probability", 1e-12, "With reduction.estimator=sketched: probability δ per parameter that the sketched bound falls below the true residual bound.", x => x > 0 && x <= 0.5, "a number in (0, 0.5]"),
        SettingDefinition.Real("reduction.eim_tolerance", 1e-4, "With reduction.estimator=eim: largest relative error of the interpolated squared residual norm on the training set.", x => x > 0 && x < 1, "a number in (0, 1)"),
        SettingDefinition.Choice("reduction.solver", "cholesky", "Full-order and Riesz solves of the reduction: 'cholesky' (sparse direct, exact to round-off) or 'cg' (CG to 1e-12).", "cholesky", "cg"),
        SettingDefinition.Integer("reduction.test_parameters", 20, "Random test parameters on which the reduced model is certified (each a full-order solve).", 1, 100_000),
        SettingDefinition.Integer("reduction.seed", 1, "Seed of the test parameters (and of a Latin-hypercube training set).", 0),
    ];

    /// <summary>
    /// Builds and certifies the reduced model; <paramref name="reference"/> is μ̄ with model.EnergyProduct = A(μ̄).
    /// A model whose terms break the min-theta rule passes its own <paramref name="coercivity"/> bound. The reduced model
    /// is stored for <c>rom eval</c> when <see cref="ReducedModelGroup.CanWrite"/> says its coefficients and bound are
    /// plain data (not so for operator EIM reading carried matrices; with a formula it is). A model known only at sampled parameters
    /// passes its own <paramref name="trainingSet"/> and <paramref name="testSet"/> in place of the sampled ones.
    /// <paramref name="energyProduct"/> says in words what X is, since every bound is in ‖·‖_X.
    /// </summary>
    public static ReductionReport Run(IAffineModel model, Parameter reference, CaseSettings s, IProgress<ProgressUpdate> progress, string energyProduct,
        ICoercivityBound? coercivity = null, IReadOnlyList<Parameter>? trainingSet = null, IReadOnlyList<Parameter>? testSet = null)
    {
        SpdSolverFactory solver = s.Text("reduction.solver") == "cholesky"
            ? SparseCholesky.Factory()
            : IterativeInverse.Factory(new ConvergenceTest(RelativeTolerance: 1e-12, MaxIterations: 100_000));
        RefuseIfTooLarge(s, model.AffineOperator.Terms.Count, model.Dimension);
        var space = model.ParameterSpace;
        var training = trainingSet ?? TrainingSet(space, s);
        int maxBasis = (int)s.Integer("reduction.max_basis_size");
        var options = new ReducedBasisOptions(
            solver,
            reference,
            TrainingSet: training,
            Greedy: new GreedyOptions(MaxExtensions: maxBasis, AbsoluteTolerance: s.Real("reduction.target_error")),
            Estimator: Estimators.Single(e => e.Name == s.Text("reduction.estimator")).Create(s),
            RelativeErrors: true,
            Coercivity: coercivity);

        progress.Report(new ProgressUpdate("offline", 0, $"greedy over {training.Count:N0} training parameters"));
        var offlineClock = Stopwatch.StartNew();
        var built = ReducedBasis.Build(model, options, step =>
            progress.Report(new ProgressUpdate("offline", (double)step.Extension / maxBasis, $"N = {step.Extension}, max estimate {step.MaxError:0.00E+00}")));
        double offlineSeconds = offlineClock.Elapsed.TotalSeconds;
        var rom = built.Model;

        var test = testSet ?? ParameterSampling.Uniform(space, (int)s.Integer("reduction.test_parameters"), (int)s.Integer("reduction.seed"));
        var certified = Certification.Run(model, built, solver, test, step => progress.Report(new ProgressUpdate(step.Stage, step.Fraction, step.Message)));
        var (curve, final, effectivities, violated) = (certified.Curve, certified.Final, certified.Effectivities, certified.Violation);
        bool succeeded = certified.Succeeded;
        int[] roundOff = certified.BelowRoundOff;
        string message = succeeded
            ? $"basis of {rom.BasisSize}: max relative error {final.Errors.Max():0.00E+00}, bound {final.Bounds.Max():0.00E+00}, effectivity {effectivities.Min():0.00}–{effectivities.Max():0.00}"
                + (roundOff.Length == 0 ? "" : $"; at {roundOff.Length} of {test.Count} test parameters the error is below the round-off floor " +
                    $"(≈ κ·ε, taken as {Certification.ReferenceAccuracy:0E+00}) and the bound below it, so their effectivity is not meaningful")
            : FailureMessage(final, violated, certified.Outputs);

        var diagnostics = new DataGroup();
        diagnostics.Attributes["basis_size"] = DataArray.Scalar((long)rom.BasisSize);
        diagnostics.Attributes["training_size"] = DataArray.Scalar((long)training.Count);
        diagnostics.Attributes["greedy_stop_reason"] = DataArray.Scalar(built.Greedy.StopReason.ToString());
        diagnostics.Attributes["greedy_stop"] = DataArray.Scalar(StopExplanation(built.Greedy.StopReason));
        diagnostics.Attributes["estimator"] = DataArray.Scalar(s.Text("reduction.estimator"));
        diagnostics.Attributes["eim_points"] = DataArray.Scalar((long)InterpolatedResidualEstimator.Points(rom.Data.Residual));
        diagnostics.Attributes["eim_training_error"] = DataArray.Scalar(rom.Data.Residual.InterpolationError);
        diagnostics.Attributes["bound_failure_probability"] = DataArray.Scalar(rom.Data.Residual.FailureProbability);
        diagnostics.Datasets["greedy_max_estimates"] = DataArray.Of(built.Greedy.MaxErrors.ToArray());
        diagnostics.Datasets["greedy_parameters"] = ParameterTable(space, built.Greedy.ChosenParameters.ToList());
        diagnostics.Datasets["test_parameters"] = ParameterTable(space, test);
        diagnostics.Datasets["test_relative_errors"] = DataArray.Of(final.Errors);
        diagnostics.Datasets["test_relative_bounds"] = DataArray.Of(final.Bounds);
        diagnostics.Datasets["test_effectivities"] = DataArray.Of(effectivities);
        diagnostics.Datasets["curve_basis_size"] = DataArray.Of(curve.Select(c => (long)c.BasisSize).ToArray());
        diagnostics.Datasets["curve_max_relative_error"] = DataArray.Of(curve.Select(c => c.Errors.Max()).ToArray());
        diagnostics.Datasets["curve_max_relative_bound"] = DataArray.Of(curve.Select(c => c.Bounds.Max()).ToArray());
        foreach (var output in certified.Outputs)
        {
            var g = diagnostics.GetOrAddGroup("outputs/" + output.Name);
            g.Datasets["test_values"] = DataArray.Of(output.Values);
            g.Datasets["test_errors"] = DataArray.Of(output.Errors);
            g.Datasets["test_bounds"] = DataArray.Of(output.Bounds);
        }

        var summary = new List<SummaryItem>
        {
            new("basis_size", "reduced basis size N", (long)rom.BasisSize),
            new("training_size", "training parameters", (long)training.Count),
            new("test_parameters", testSet is null ? "random test parameters" : "test parameters", (long)test.Count),
            new("max_rel_error", "max relative energy error", final.Errors.Max()),
            new("max_bound", "max relative error bound", final.Bounds.Max()),
            new("min_effectivity", "min effectivity (bound/error)", effectivities.Min()),
            new("max_effectivity", "max effectivity", effectivities.Max()),
            new("below_round_off", "test parameters with error and bound below round-off (effectivity not meaningful)", (long)roundOff.Length),
            new("greedy_stop", "greedy stopped", StopExplanation(built.Greedy.StopReason)),
            new("offline_seconds", "offline time", offlineSeconds, "s"),
            new("online_seconds", "online solve + bound per parameter (median)", certified.OnlineSeconds, "s"),
            new("fom_seconds", "full-order solve per parameter (median)", certified.FullOrderSeconds, "s"),
            new("speedup", "speed-up over the full-order solve", certified.SpeedUp),
        };
        foreach (var o in certified.Outputs)
        {
            summary.Add(new($"output_{o.Name}_max_rel_error", $"output {o.Name}: max |s − s_N|/|s|", o.MaxRelativeError));
            summary.Add(new($"output_{o.Name}_max_rel_bound", $"output {o.Name}: max certified bound/|s|", o.MaxRelativeBound));
            summary.Add(new($"output_{o.Name}_below_round_off", $"output {o.Name}: test parameters with error and bound below round-off", (long)o.BelowRoundOff));
        }
        if (built.Reductor.Estimator.Probabilistic)
            summary.Add(new("bound_failure_probability", "P(bound < error) per parameter, at most", rom.Data.Residual.FailureProbability));
        var plots = new List<PlotRequest>
        {
            PlotRequest.Of("rb-convergence", new LinePlot(
                "reduced basis: error and bound vs basis size", "basis size N", "relative energy error",
                [
                    new LineSeriesData("max true error (test set)", curve.Select(c => (double)c.BasisSize).ToArray(), curve.Select(c => c.Errors.Max()).ToArray()),
                    new LineSeriesData("max error bound (test set)", curve.Select(c => (double)c.BasisSize).ToArray(), curve.Select(c => c.Bounds.Max()).ToArray()),
                    // The relative estimate at N = 0 is +∞ (no reduced solution to compare with): the curve starts at N = 1.
                    new LineSeriesData("greedy max estimate (training set)", Enumerable.Range(1, built.Greedy.MaxErrors.Count - 1).Select(i => (double)i).ToArray(), built.Greedy.MaxErrors.Skip(1).ToArray()),
                ],
                LogY: true)),
            PlotRequest.Of("effectivities", new LinePlot(
                $"effectivity of the error bound at N = {rom.BasisSize}", "test parameter", "bound / true error",
                [new LineSeriesData("effectivity", Enumerable.Range(0, effectivities.Length).Select(i => (double)i).ToArray(), effectivities)],
                LogY: true, Markers: true)),
        };
        IReadOnlyList<(string, DataGroup)> groups = ReducedModelGroup.CanWrite(rom.Data)
            ? [("reduction", diagnostics), ("reduced_model", WithEnergyProduct(ReducedModelGroup.Write(rom.Data, space), energyProduct))]
            : [("reduction", diagnostics)];
        return new ReductionReport(rom, groups, plots, summary, succeeded, message, test);
    }

    /// <summary>Names the X of the norm ‖·‖_X that the saved model's bounds are in, for <c>rom eval</c> to state.</summary>
    private static DataGroup WithEnergyProduct(DataGroup group, string energyProduct)
    {
        group.Attributes[ReducedModelGroup.EnergyProductAttribute] = DataArray.Scalar(energyProduct);
        return group;
    }

    /// <summary>
    /// Refuses a reduction whose offline data cannot fit in memory, before anything is computed. At N = max_basis_size the
    /// residual has 1 + Q·N terms; the estimators keep up to min(n, 1 + Q·N) vectors of n values spanning their Riesz
    /// representers and the representers' coordinates in them, besides the basis and the Q reduced operators.
    /// </summary>
    public static void RefuseIfTooLarge(CaseSettings s, long affineTerms, long unknowns)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Integer("reduction.enabled") == 0)
            return;
        double n = unknowns, basis = s.Integer("reduction.max_basis_size"), terms = 1 + affineTerms * basis, kept = Math.Min(n, terms);
        double bytes = 8 * (kept * n + kept * terms + 2 * affineTerms * basis * basis + basis * n);
        if (MemoryBudget.Refusal(bytes) is { } refusal)
            throw new CaseInputException("reduction.max_basis_size", $"{basis:N0} with Q = {affineTerms:N0} affine terms and n = {unknowns:N0} unknowns",
                $"a reduction whose offline data fit in memory (the residual has up to 1 + Q·N = {terms:N0} terms): this one {refusal}; lower reduction.max_basis_size, use fewer terms, or set reduction.enabled=0");
    }

    /// <summary>The first bound that failed: of the solution at test parameter <paramref name="violated"/> (when ≥ 0), else of an output.</summary>
    private static string FailureMessage(ErrorCurvePoint final, int violated, IReadOnlyList<OutputCertification> outputs)
    {
        if (violated >= 0)
            return $"certification failed: at test parameter {violated} the bound {final.Bounds[violated]:0.00E+00} is below the error {final.Errors[violated]:0.00E+00}";
        var output = outputs.First(o => o.Violation >= 0);
        int i = output.Violation;
        return $"certification failed: output '{output.Name}' at test parameter {i}: bound {output.Bounds[i]:0.00E+00} is below the error {output.Errors[i]:0.00E+00}";
    }

    /// <summary>Why the greedy stopped, in the terms of the settings (the estimates are relative bounds Δ/‖u_N‖_X).</summary>
    private static string StopExplanation(GreedyStopReason reason) => reason switch
    {
        GreedyStopReason.AbsoluteToleranceReached => "max relative bound on the training set ≤ reduction.target_error",
        GreedyStopReason.MaxExtensionsReached => "reduction.max_basis_size reached",
        GreedyStopReason.LinearlyDependent => "the next snapshot was linearly dependent on the basis (the training solutions are spanned)",
        _ => reason.ToString(),
    };

    private static IReadOnlyList<Parameter> TrainingSet(ParameterSpace space, CaseSettings s)
    {
        long points = s.Integer("reduction.training_points");
        if (s.Text("reduction.training") == "latin-hypercube")
            return points <= MaxTrainingSize
                ? ParameterSampling.LatinHypercube(space, (int)points, (int)s.Integer("reduction.seed"))
                : throw new CaseInputException("reduction.training_points", points.ToString(), $"at most {MaxTrainingSize:N0} samples");
        double size = Math.Pow(points, space.TotalDimension);
        if (size > MaxTrainingSize)
            throw new CaseInputException("reduction.training_points", points.ToString(),
                $"a grid of at most {MaxTrainingSize:N0} points ({points}^{space.TotalDimension} = {size:G3}); use reduction.training=latin-hypercube");
        return ParameterSampling.Grid(space, (int)points);
    }

    private static DataArray ParameterTable(ParameterSpace space, IReadOnlyList<Parameter> mus) =>
        DataArray.Of(mus.SelectMany(space.ToVector).ToArray(), mus.Count, space.TotalDimension);
}
