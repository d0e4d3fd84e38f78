using Rom.LinearAlgebra.Direct;
using Rom.Models.FiniteElements;
using Rom.Models.SampledSystem;
using Rom.Models.ThermalBlock;
using Rom.Reduction.Greedy;
using Rom.Reduction.Interpolation;

namespace Rom.Cases.Kinds;

/// <summary>
/// A non-affine family A(μ) u = f known only by sampled matrices (nonintrusive operator EIM): the case file carries
/// SPD matrices on one CSR pattern at training parameters (/data/training/matrices/0.., /data/training/parameters,
/// J × P) and at test parameters (/data/test/...), and the right-hand side /data/rhs. A run solves the test matrix
/// run.sample at full order, builds the operator EIM of the training matrices, the reduced basis on the EIM-affine
/// operator with the sampled coercivity bound of <see cref="SampledSystemInterpolation"/> (a sampled bound, not a
/// guarantee), and certifies it on the test matrices against the EIM-affine and the true carried matrices.
/// Optionally the case gives A(μ) by a formula as well (<see cref="ConductivityFormulaGroup"/>, checked against every
/// carried matrix): θ(μ) then comes from the formula on the few elements the magic entries touch, at any μ, and the
/// reduced model is saved in the results for <c>rom eval</c>.
/// </summary>
public sealed class OperatorEimKind : ICaseKind
{
    /// <summary>Reduction settings that choose random training or test parameters: the carried samples replace them.</summary>
    private static readonly HashSet<string> SampledSettings = ["reduction.training", "reduction.training_points", "reduction.test_parameters", "reduction.seed"];

    private const string Training = "data/training";
    private const string Test = "data/test";

    /// <inheritdoc />
    public string Name => "operator-eim";

    /// <inheritdoc />
    public string Summary => "sampled SPD matrices A(μ_j) of a non-affine family: operator EIM + reduced basis with a sampled bound";

    /// <inheritdoc />
    public string DefaultTitle => "P1 diffusion with conductivity exp(μ₁x + μ₂y), exported as 8×8 training and 20 test matrices (12 squares per side)";

    /// <inheritdoc />
    public IReadOnlyList<SettingDefinition> Settings { get; } =
    [
        SettingDefinition.Integer("run.sample", 0, "Index of the test matrix solved at full order (written to /solution/u).", 0),
        SettingDefinition.Integer("eim.max_terms", 80, "Most operator EIM terms.", 1),
        SettingDefinition.Real("eim.tolerance", 1e-7, "EIM greedy stops when max |A − A_M| over the training entries is below this times max |A|.", x => x is > 0 and < 1, "a number in (0, 1)"),
        SettingDefinition.Real("eim.error_factor", 10, "ε̂ is this factor times the largest EIM error over the training matrices (between the samples the error is larger; checked on the test matrices).", x => x >= 1, "a factor ≥ 1"),
        SettingDefinition.Real("coercivity.safety", 0.1, "Safety s of the sampled coercivity bound α_LB = (1 − s)·min_j λ_min(A(μ_j), X) − ε̂.", x => x is >= 0 and < 1, "a number in [0, 1)"),
        .. LinearSystemStep.Settings,
        .. ReducedBasisStep.Settings.Where(d => !SampledSettings.Contains(d.Key)),
    ];

    /// <summary>The conductivity of the default case's family.</summary>
    private const string DefaultConductivity = "exp(mu[0]*x + mu[1]*y)";

    /// <summary>
    /// The default case samples a non-affine family built into Rom: P1 stiffness matrices of −∇·(e^{μ₁x + μ₂y}∇u) = 1
    /// on the unit square (12 squares per side, the thermal block's mesh, conductivity taken at triangle centroids),
    /// μ ∈ [−1, 1]²: an 8×8 training grid (corners included, so no test parameter is extrapolated) and 20 uniform test parameters.
    /// It also carries the family as a formula: κ at the triangle centroids and the P1 element map on the free nodes.
    /// </summary>
    public DataGroup CreateDefault()
    {
        var root = new DataGroup();
        CaseSettings.Defaults(Settings).WriteTo(root);
        var blocks = new ThermalBlockModel(new ThermalBlockOptions(1, 1, 12, TriangleSplit.FourAroundCentre));
        var space = new ParameterSpace([new ParameterRange("mu", 2, -1, 1)]);
        WriteSamples(root, Training, blocks, space, ParameterSampling.Grid(space, 8));
        WriteSamples(root, Test, blocks, space, ParameterSampling.Uniform(space, 20, 2));
        root.GetOrAddGroup("data").Datasets["rhs"] = DataArray.Of(blocks.RightHandSide(Parameter.Of(ThermalBlockModel.ParameterName, 1.0)));
        var mesh = blocks.Triangulation;
        var centroids = Enumerable.Range(0, mesh.TriangleCount).Select(mesh.Centroid).ToArray();
        // Every conductivity exp(...) is non-zero, so unit conductivity assembles the samples' common pattern.
        var pattern = P1Assembly.Stiffness(mesh, Enumerable.Repeat(1.0, mesh.TriangleCount).ToArray()).Submatrix(blocks.FreeNodes, blocks.FreeNodes);
        ConductivityFormulaGroup.Write(root, DefaultConductivity, centroids.Select(c => c.X).ToArray(), centroids.Select(c => c.Y).ToArray(),
            P1Assembly.ElementStiffnessMap(mesh, blocks.FreeNodes, pattern));
        CaseOutputs.Write(root, AffineSystemKind.RightHalfMean(blocks));
        return root;
    }

    private static void WriteSamples(DataGroup root, string path, ThermalBlockModel blocks, ParameterSpace space, IReadOnlyList<Parameter> mus)
    {
        var mesh = blocks.Triangulation;
        var matrices = root.GetOrAddGroup(path + "/matrices");
        for (int j = 0; j < mus.Count; j++)
        {
            var mu = mus[j]["mu"];
            var conductivity = new double[mesh.TriangleCount];
            for (int t = 0; t < conductivity.Length; t++)
            {
                var (x, y) = mesh.Centroid(t);
                conductivity[t] = Math.Exp(mu[0] * x + mu[1] * y);
            }
            matrices.Groups[j.ToString()] = CsrGroup.Write(P1Assembly.Stiffness(mesh, conductivity).Submatrix(blocks.FreeNodes, blocks.FreeNodes));
        }
        root.GetOrAddGroup(path).Datasets["parameters"] = DataArray.Of(mus.SelectMany(space.ToVector).ToArray(), mus.Count, space.TotalDimension);
    }

    /// <inheritdoc />
    public CaseRunOutcome Run(CaseRun run)
    {
        var s = run.Settings;
        string path = run.Document.Path;
        var training = CaseMatrices.ReadSquare(run.Document.Root, Training + "/matrices", path, "a group of CSR matrices A(μ_j) named 0, 1, ..., J-1", symmetric: true);
        var test = CaseMatrices.ReadSquare(run.Document.Root, Test + "/matrices", path, "a group of CSR matrices A(μ_t) named 0, 1, ..., T-1", symmetric: true);
        CheckPattern(training, Training, training[0], path);
        CheckPattern(test, Test, training[0], path);
        var trainingValues = ReadParameters(run.Document.Root, Training, training.Count, null, path);
        var testValues = ReadParameters(run.Document.Root, Test, test.Count, trainingValues.GetLength(1), path);
        var space = Space(trainingValues, testValues);
        var trainingSamples = Samples(space, trainingValues, training);
        var testSamples = Samples(space, testValues, test);
        var formula = ConductivityFormulaGroup.Read(run.Document.Root, path, trainingValues.GetLength(1), training[0], $"/{Training}/matrices/0");
        if (formula is not null)
            ConductivityFormulaGroup.Check(formula, [.. Carried(Training, trainingValues, training), .. Carried(Test, testValues, test)], path);
        var rhs = AffineSystemKind.ReadRightHandSide(run.Document.Root, path, training[0].Rows);
        long sample = s.Integer("run.sample");
        if (sample >= test.Count)
            throw new CaseInputException("run.sample", sample.ToString(), $"an index of a test matrix, 0..{test.Count - 1}");

        var a = test[(int)sample];
        var (result, results, plots, summary) = LinearSystemStep.SolveMatrix(a, rhs, space.ToVector(testSamples[(int)sample].Mu),
            [new("training_matrices", "training matrices J", (long)training.Count), new("test_matrices", "test matrices", (long)test.Count)], run);
        if (s.Integer("reduction.enabled") == 0 || !result.Converged)
            return new CaseRunOutcome(results, plots, summary, result.Converged, result.Message);

        run.Progress.Report(new ProgressUpdate("eim", 0, $"operator EIM over {training.Count} training matrices, coercivity by inverse iteration"));
        var model = SampledSystemInterpolation.Build(new SampledSystemModel(space, trainingSamples, testSamples, rhs, formula, CaseOutputs.Read(run.Document.Root, path, rhs.Length)),
            new GreedyOptions(MaxExtensions: (int)s.Integer("eim.max_terms"), RelativeTolerance: s.Real("eim.tolerance")), s.Real("coercivity.safety"), s.Real("eim.error_factor"));
        double lowerBound = model.CoercivityBound.Value;
        if (!(lowerBound > 0))
            throw new CaseInputException("eim.tolerance", $"{s.Real("eim.tolerance"):G3} (M = {model.Eim.Terms.Count} terms, ε̂ = {model.EimErrorBound:G3})",
                $"an EIM error ε̂ below the sampled coercivity α_S = {model.SampledCoercivity:G3}, so that α_S − ε̂ > 0 (lower eim.tolerance or raise eim.max_terms)");
        var reduction = ReducedBasisStep.Run(model, model.TrainingParameters[0], s, run.Progress, "the mean of the training matrices", model.CoercivityBound,
            model.TrainingParameters, testSamples.Select(t => t.Mu).ToArray());
        var truth = CertifyAgainstTheCarriedMatrices(model, reduction, run.Progress);

        var group = results.GetOrAddGroup("eim");
        group.Attributes["terms"] = DataArray.Scalar((long)model.Eim.Terms.Count);
        group.Attributes["error_bound"] = DataArray.Scalar(model.EimErrorBound);
        group.Attributes["sampled_coercivity"] = DataArray.Scalar(model.SampledCoercivity);
        group.Attributes["coercivity_lower_bound"] = DataArray.Scalar(lowerBound);
        group.Attributes["coefficients_from"] = DataArray.Scalar(model.Formula is null ? "carried matrices" : "formula");
        group.Datasets["greedy_max_errors"] = DataArray.Of(model.Eim.Greedy.MaxErrors.ToArray());
        group.Datasets["magic_entries"] = DataArray.Of(model.Eim.MagicEntries.SelectMany(e => new long[] { e.Row, e.Col }).ToArray(), model.Eim.MagicEntries.Count, 2);
        group.Datasets["training_coercivities"] = DataArray.Of(model.TrainingCoercivities.ToArray());
        group.Datasets["test_frobenius_errors"] = DataArray.Of(truth.Frobenius);
        group.Datasets["test_entrywise_errors"] = DataArray.Of(truth.Entrywise);
        group.Datasets["test_energy_errors"] = DataArray.Of(truth.Energy);
        group.Datasets["test_true_relative_errors"] = DataArray.Of(truth.Errors);
        group.Datasets["test_true_relative_bounds"] = DataArray.Of(truth.Bounds);
        plots.Add(PlotRequest.Of("eim-convergence", new LinePlot(
            "operator EIM: max |A − A_M| over the training entries", "EIM terms M", "max entry error",
            [new LineSeriesData("training supremum", Enumerable.Range(0, model.Eim.Greedy.MaxErrors.Count).Select(m => (double)m).ToArray(), model.Eim.Greedy.MaxErrors.ToArray())],
            LogY: true)));

        double maxTestEim = truth.Energy.Max();
        var eimSummary = new List<SummaryItem>
        {
            new("eim_terms", "operator EIM terms M", (long)model.Eim.Terms.Count),
            new("eim_max_test_frobenius", "EIM error max ‖A − A_M‖_F/‖A‖_F over the test matrices", truth.Frobenius.Max()),
            new("eim_max_test_entrywise", "EIM error max |A − A_M|/max |A| over the test matrices", truth.Entrywise.Max()),
            new("eim_error_bound", "EIM error ε̂ in X→X' (factor × training supremum, used in the bound)", model.EimErrorBound),
            new("sampled_coercivity", "sampled coercivity α_S = (1 − s)·min_j λ_min(A(μ_j), X)", model.SampledCoercivity),
            new("coercivity_lower_bound", "α_LB = α_S − ε̂ (sampled, not a guarantee)", lowerBound),
            new("max_true_rel_error", "max relative error vs the carried test matrices", truth.Errors.Max()),
            new("max_true_bound", "max relative bound Δ + EIM part vs the carried test matrices", truth.Bounds.Max()),
        };
        if (model.Formula is { } coefficients)
            eimSummary.Add(new("eim_formula_elements", "elements where θ(μ) evaluates the formula online", (long)coefficients.MagicEntries.Elements));
        string? failure = Certification.SecondTruthFailure(maxTestEim, model.EimErrorBound, "the sampled bound's premise fails (add training matrices)",
            truth.Errors, truth.Bounds, "test matrix", "the carried matrix");
        string message = failure
            ?? $"M = {model.Eim.Terms.Count} EIM terms, sampled α_LB = {lowerBound:0.00E+00} (not a guarantee); vs the carried test matrices: max relative error {truth.Errors.Max():0.00E+00} ≤ bound {truth.Bounds.Max():0.00E+00}";
        var outcome = reduction.After(results, plots, summary, result.Message);
        return outcome with { Summary = [.. outcome.Summary, .. eimSummary], Succeeded = outcome.Succeeded && failure is null, Message = $"{outcome.Message}; {message}" };
    }

    /// <summary>EIM errors of the test matrices, and the reduced model's errors and bounds Δ + ε̂(‖u_N‖ + Δ)/α_S against their solutions, relative to ‖u‖_X.</summary>
    private sealed record CarriedMatrixCheck(double[] Frobenius, double[] Entrywise, double[] Energy, double[] Errors, double[] Bounds);

    private static CarriedMatrixCheck CertifyAgainstTheCarriedMatrices(SampledSystemInterpolation model, ReductionReport reduction, IProgress<ProgressUpdate> progress)
    {
        var test = reduction.TestParameters;
        int count = test.Count;
        var check = new CarriedMatrixCheck(new double[count], new double[count], new double[count], new double[count], new double[count]);
        for (int i = 0; i < count; i++)
        {
            progress.Report(new ProgressUpdate("certify", (double)i / count, $"solve with carried test matrix {i + 1} of {count}"));
            var a = model.Model.Sampled(test[i]);
            (check.Frobenius[i], check.Entrywise[i], check.Energy[i]) = model.InterpolationError(a);
            var u = new double[model.Dimension];
            SparseCholesky.Factor(a).Solve(model.RightHandSide(test[i]), u);
            (check.Errors[i], check.Bounds[i]) = Certification.AgainstAnotherTruth(reduction.Model, model.EnergyProduct, u, test[i], model.ModelErrorBound);
        }
        return check;
    }

    private static IEnumerable<(string Name, double[] Mu, CsrMatrix Matrix)> Carried(string path, double[,] values, List<CsrMatrix> matrices) =>
        matrices.Select((a, j) => ($"/{path}/matrices/{j}", Enumerable.Range(0, values.GetLength(1)).Select(p => values[j, p]).ToArray(), a));

    private static void CheckPattern(List<CsrMatrix> matrices, string path, CsrMatrix pattern, string file)
    {
        for (int j = 0; j < matrices.Count; j++)
        {
            var a = matrices[j];
            if (a.Rows != pattern.Rows)
                throw new CaseInputException($"/{path}/matrices/{j}", $"shape [{a.Rows}, {a.Cols}]", $"[{pattern.Rows}, {pattern.Cols}] like /{Training}/matrices/0", file);
            if (!a.RowPointers.AsSpan().SequenceEqual(pattern.RowPointers) || !a.ColumnIndices.AsSpan().SequenceEqual(pattern.ColumnIndices))
                throw new CaseInputException($"/{path}/matrices/{j}", $"a sparsity pattern with {a.NonZeros} stored entries",
                    $"the pattern of /{Training}/matrices/0 ({pattern.NonZeros} entries, same indptr and sorted indices): operator EIM interpolates stored values", file);
        }
    }

    private static double[,] ReadParameters(DataGroup root, string path, int count, int? width, string file)
    {
        string field = $"/{path}/parameters";
        string expected = $"a float dataset of shape [{count}, {(width?.ToString() ?? "P")}] (one row of parameter values per matrix)";
        if (!root.TryGetDataset(path + "/parameters", out var table))
            throw new CaseInputException(field, "nothing (dataset missing)", expected, file);
        if (!table.IsFloat || table.Shape.Length != 2 || table.Shape[0] != count || table.Shape[1] < 1 || (width is { } w && table.Shape[1] != w))
            throw new CaseInputException(field, table.ToString(), expected, file);
        var flat = table.AsDoubles();
        int bad = Array.FindIndex(flat, v => !double.IsFinite(v));
        if (bad >= 0)
            throw new CaseInputException($"{field}[{bad / (int)table.Shape[1]}, {bad % (int)table.Shape[1]}]", flat[bad].ToString(), "a finite number", file);
        var values = new double[count, (int)table.Shape[1]];
        Buffer.BlockCopy(flat, 0, values, 0, flat.Length * sizeof(double));
        return values;
    }

    /// <summary>One parameter "mu" with P entries, ranging over the bounding interval of every sample.</summary>
    private static ParameterSpace Space(double[,] training, double[,] test)
    {
        var all = training.Cast<double>().Concat(test.Cast<double>()).ToArray();
        double lower = all.Min(), upper = all.Max();
        return new ParameterSpace([new ParameterRange("mu", training.GetLength(1), lower, upper > lower ? upper : lower + 1)]);
    }

    private static MatrixSample[] Samples(ParameterSpace space, double[,] values, List<CsrMatrix> matrices) =>
        Enumerable.Range(0, matrices.Count)
            .Select(j => new MatrixSample(space.FromVector(Enumerable.Range(0, values.GetLength(1)).Select(p => values[j, p]).ToArray()), matrices[j]))
            .ToArray();
}
