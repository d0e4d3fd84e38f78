using Rom.Formulas;
using Rom.GaussianProcesses;

namespace Rom.Cases.GaussianProcesses;

/// <summary>
/// The settings of a <c>gp-pde</c> case and what they make: the problem on its grid (<see cref="GpPdeProblem"/>), the
/// solver's options (<see cref="GpSolverOptions"/>) and, where the problem has one, the exact solution on the grid.
/// </summary>
public static class GpCase
{
    /// <summary>The value of <c>problem.name</c> that takes the source, boundary data and operator from formulas.</summary>
    public const string FormulaProblem = "formula";

    /// <summary>The settings.</summary>
    public static IReadOnlyList<SettingDefinition> Settings { get; } =
    [
        SettingDefinition.Choice("problem.name", "poisson1d-sin6x-cos100x",
            "The paper's problem (exact solution and source built in), 'formula' (problem.source, problem.boundary, problem.operator) or 'data' (/data/source, /data/boundary and optionally /data/exact on the grid, with problem.operator).",
            [.. GpProblem.All.Select(p => p.Name), FormulaProblem, GpDataProblem.Name]),
        SettingDefinition.Integer("problem.points", 0, "Collocation points per dimension, boundary included (0: the problem's default, as the paper's runs).", 0),
        SettingDefinition.Integer("problem.dimensions", 1, "formula and data problems: 1 or 2 (x, y).", 1, 2),
        SettingDefinition.Real("problem.domain_end", 1, "formula and data problems: the domain is [0, this]^d.", x => x > 0 && double.IsFinite(x), "a positive length"),
        new("problem.source", SettingType.Text, "-400*sin(20*x)", "formula problems: f(x, y) in L u = f (Rom's formula syntax)."),
        new("problem.boundary", SettingType.Text, "sin(20*x)", "formula problems: the Dirichlet data g(x, y) on the boundary."),
        new("problem.exact", SettingType.Text, "sin(20*x)", "formula problems: the exact solution, for the errors ('' when unknown)."),
        new("problem.operator", SettingType.Text, "u_xx", "formula and data problems: L as a sum of pure derivatives of order ≤ 2, e.g. u_xx + u_yy or u_y + 200*u_x."),
        new("problem.nonlinearity", SettingType.Text, "",
            "formula and data problems: a pointwise term N(u) = a1·u + a2·u² + a3·u³ added to L u, as 'a1,a2,a3' (e.g. -1,0,1: Allen–Cahn's u³ − u); '' for a linear PDE."),
        SettingDefinition.Integer("gp.components", 30, "Q, spectral-mixture components per dimension.", 1, 1000),
        SettingDefinition.Choice("gp.kernel", "student-t", "Envelope of each component: student-t (Matérn-5/2 × cos, the reference's logs) or gaussian (the spectral mixture kernel).", "student-t", "gaussian"),
        SettingDefinition.Choice("gp.optimizer", "profiled-lbfgs",
            "profiled-lbfgs / profiled-adam: the grid values solved exactly at every step, the optimiser on the kernel parameters only (Rom's); joint-adam (the reference's) / joint-lbfgs: on values and parameters together.",
            "profiled-lbfgs", "profiled-adam", "joint-adam", "joint-lbfgs"),
        SettingDefinition.Integer("gp.max_iterations", 200, "Iteration limit of the optimiser.", 1),
        SettingDefinition.Real("gp.learning_rate", 1e-2, "Adam's step (the reference's 1e-2).", x => x > 0 && double.IsFinite(x), "a positive number"),
        SettingDefinition.Real("gp.boundary_weight", 0, "Weight of the boundary fit (0: the problem's, the reference's llk_weight: 200, or 500 for advection).", x => x >= 0 && double.IsFinite(x), "a number ≥ 0"),
        SettingDefinition.Real("gp.jitter", 1e-6, "Added to each kernel matrix's diagonal.", x => x >= 0 && double.IsFinite(x), "a number ≥ 0"),
        SettingDefinition.Real("gp.frequency_scale", 0, "Initial frequencies spread on [0, this] (0: the problem's, the reference's freq_scale).", x => x >= 0 && double.IsFinite(x), "a number ≥ 0"),
        SettingDefinition.Flag("gp.source_spectrum", false,
            "Start the mixture weights from the source's periodogram instead of the reference's 1/Q (Rom's; what makes the 2-D problems fast)."),
        SettingDefinition.Flag("gp.fold_frequencies", true,
            "Fold every kernel frequency below the grid's Nyquist frequency 1/(2h) (Rom's): an alias above it has the same covariance at the points but a wrong second derivative. 0: the reference's unconstrained frequencies."),
        SettingDefinition.Real("gp.prune_ratio", 1e-3, "Profiled optimisers: every gp.prune_interval iterations, drop the components whose weight is below this ratio of the largest on their axis, kept when the objective falls (Rom's; 0: never).", x => x >= 0 && x < 1, "a number in [0, 1)"),
        SettingDefinition.Integer("gp.prune_interval", 50, "Iterations between pruning attempts.", 1),
        SettingDefinition.Integer("gp.restarts", 1, "Solve from this many starts (start r shifts the initial frequencies by r/R of their spacing) and keep the lowest objective (Rom's; 1: the reference's single start).", 1, 100),
        SettingDefinition.Real("gp.log_boundary_precision", 0, "log τ of the boundary fit (held fixed by the profiled optimisers; the joint ones start there).", double.IsFinite, "a finite number"),
        SettingDefinition.Real("gp.log_equation_precision", 0, "log v of the equation fit (held fixed by the profiled optimisers; the joint ones start there).", double.IsFinite, "a finite number"),
        SettingDefinition.Real("gp.field_tolerance", 1e-10, "Relative tolerance of the exact solve for the grid values at every step (profiled optimisers).", x => x > 0 && x < 1, "a number in (0, 1)"),
        SettingDefinition.Real("gp.final_field_tolerance", 1e-10, "Relative tolerance of the last solve for the grid values (profiled optimisers).", x => x > 0 && x < 1, "a number in (0, 1)"),
        SettingDefinition.Real("gp.time_limit", 0, "Stop the optimiser after this many seconds (0: no limit).", x => x >= 0 && double.IsFinite(x), "a number ≥ 0"),
        SettingDefinition.Real("gp.residual_tolerance", 0, "Stop when ‖L U + N(U) − f‖/‖f‖ falls below this (0: run to gp.max_iterations or the optimiser's own stop).", x => x >= 0 && double.IsFinite(x), "a number ≥ 0"),
        SettingDefinition.Integer("error.test_points", 0,
            "Measure the errors through the GP's posterior mean on a uniform grid of this many points per dimension over the domain, as the reference's test points (0: at the collocation points). Needed to see aliasing: below the Nyquist rate the values at the collocation points can be right and the solution between them wrong.", 0),
        new("study.points", SettingType.Text, "", "Also solve with each of these points per dimension (e.g. 100,150,200,250,300) and plot the error against them ('' for none)."),
        Running.OutputSettings.Plots,
    ];

    /// <summary>What a case poses: the problem at some number of points, its exact solution where known, and the solver settings.</summary>
    /// <param name="Name">The problem's name.</param>
    /// <param name="Build">The problem and the exact solution on the grid (null when unknown) at a number of points per dimension.</param>
    /// <param name="Points">Points per dimension of the main solve.</param>
    /// <param name="Options">The solver's settings.</param>
    /// <param name="StudyPoints">Points per dimension of the extra solves (study.points).</param>
    /// <param name="TestGrid">Where the errors are measured through the posterior mean (error.test_points), or null for the collocation points.</param>
    /// <param name="Exact">The exact solution at a point, or null when unknown.</param>
    public sealed record Setup(string Name, Func<int, (GpPdeProblem Problem, double[]? Exact)> Build, int Points, GpSolverOptions Options, IReadOnlyList<int> StudyPoints,
        TensorGrid? TestGrid = null, Func<double[], double>? Exact = null);

    /// <summary>Reads the settings into a <see cref="Setup"/>; bad input is a <see cref="CaseInputException"/> naming the setting.</summary>
    /// <param name="s">The case's settings.</param>
    /// <param name="root">The case file's tree, where <c>problem.name = data</c> finds its datasets (<see cref="GpDataProblem"/>).</param>
    /// <param name="path">The case file, for error messages.</param>
    public static Setup Read(CaseSettings s, DataGroup? root = null, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        string name = s.Text("problem.name");
        if (name == GpDataProblem.Name)
            return ReadData(s, root, path);
        var known = GpProblem.Find(name);
        if (known is not null && s.Text("problem.nonlinearity").Trim().Length > 0)
            throw new CaseInputException("problem.nonlinearity", $"'{s.Text("problem.nonlinearity")}'", $"'' for the paper's problem {name}: its equation is built in");
        int points = (int)s.Integer("problem.points") is var p && p > 0 ? p : known?.Points ?? 100;
        var options = Options(s, known);
        var study = StudyPoints(s.Text("study.points"));
        var exact = known is not null ? known.Exact : s.Text("problem.exact").Trim().Length == 0 ? null : Parse(s, "problem.exact");
        var build = known is not null ? Known(known) : Formulas(s, exact);
        // Every grid is built once here, so bad input is refused before anything runs.
        foreach (int n in study.Prepend(points))
            build(n);
        int testPoints = (int)s.Integer("error.test_points");
        TensorGrid? testGrid = null;
        if (testPoints > 0)
        {
            if (exact is null)
                throw new CaseInputException("error.test_points", testPoints.ToString(CultureInfo.InvariantCulture),
                    "0 when problem.exact is empty: test points need the exact solution");
            if (testPoints < 3)
                throw new CaseInputException("error.test_points", testPoints.ToString(CultureInfo.InvariantCulture), "0 or at least 3 points per dimension");
            testGrid = Grid(known?.Dimensions ?? (int)s.Integer("problem.dimensions"), known?.DomainEnd ?? s.Real("problem.domain_end"), testPoints);
        }
        return new Setup(name, build, points, options, study, testGrid, exact);
    }

    /// <summary>The problem read from the case file's /data: one grid, its exact solution only where /data/exact gives it.</summary>
    private static Setup ReadData(CaseSettings s, DataGroup? root, string? path)
    {
        var (problem, exact) = GpDataProblem.Read(s, root, path);
        if (s.Integer("error.test_points") is var t and > 0)
            throw new CaseInputException("error.test_points", t.ToString(CultureInfo.InvariantCulture), "0 for problem.name = data: the exact solution is known at the grid points only");
        return new Setup(GpDataProblem.Name, _ => (problem, exact), problem.Grid.Sizes[0], Options(s, null), []);
    }

    /// <summary>The solver's settings; the boundary weight and frequency scale fall back to the paper problem's, if any.</summary>
    private static GpSolverOptions Options(CaseSettings s, GpProblem? known) =>
        new GpSolverOptions(
            Components: (int)s.Integer("gp.components"),
            Kernel: s.Text("gp.kernel") == "gaussian" ? KernelFamily.Gaussian : KernelFamily.StudentT,
            Optimizer: s.Text("gp.optimizer") switch
            {
                "profiled-adam" => GpOptimizerKind.ProfiledAdam,
                "joint-adam" => GpOptimizerKind.JointAdam,
                "joint-lbfgs" => GpOptimizerKind.JointLbfgs,
                _ => GpOptimizerKind.ProfiledLbfgs,
            },
            MaxIterations: (int)s.Integer("gp.max_iterations"),
            LearningRate: s.Real("gp.learning_rate"),
            BoundaryWeight: s.Real("gp.boundary_weight") is > 0 and var w ? w : known?.BoundaryWeight ?? 200,
            Jitter: s.Real("gp.jitter"),
            FrequencyScale: s.Real("gp.frequency_scale") is > 0 and var f ? f : known?.FrequencyScale ?? 20,
            ResidualTolerance: s.Real("gp.residual_tolerance"),
            LogBoundaryPrecision: s.Real("gp.log_boundary_precision"),
            LogEquationPrecision: s.Real("gp.log_equation_precision"),
            SourceSpectrumWeights: s.Integer("gp.source_spectrum") != 0,
            FieldTolerance: s.Real("gp.field_tolerance"),
            FinalFieldTolerance: s.Real("gp.final_field_tolerance"),
            TimeLimitSeconds: s.Real("gp.time_limit"),
            FoldFrequencies: s.Integer("gp.fold_frequencies") != 0,
            PruneRatio: s.Real("gp.prune_ratio"),
            PruneInterval: (int)s.Integer("gp.prune_interval"),
            Restarts: (int)s.Integer("gp.restarts"));

    /// <summary>The grid [0, end]^d with <paramref name="points"/> per dimension; too few points is bad input naming problem.points.</summary>
    public static TensorGrid Grid(int dimensions, double end, int points)
    {
        if (points < 3)
            throw new CaseInputException("problem.points", points.ToString(CultureInfo.InvariantCulture),
                "at least 3 per dimension: two boundary points and one interior point where the equation is fitted");
        return TensorGrid.Cube(dimensions, 0, end, points);
    }

    private static Func<int, (GpPdeProblem, double[]?)> Known(GpProblem problem) => points =>
    {
        var grid = Grid(problem.Dimensions, problem.DomainEnd, points);
        var op = problem.Operator is null ? LinearPdeOperator.Laplacian(problem.Dimensions) : GpOperatorText.Parse(problem.Operator, problem.Dimensions, "problem.operator");
        return (GpPdeProblem.FromFunctions(grid, op, problem.Source, problem.Exact, problem.Nonlinearity), grid.Sample(problem.Exact));
    };

    private static Func<int, (GpPdeProblem, double[]?)> Formulas(CaseSettings s, Func<double[], double>? exact)
    {
        int dimensions = (int)s.Integer("problem.dimensions");
        double end = s.Real("problem.domain_end");
        var op = GpOperatorText.Parse(s.Text("problem.operator"), dimensions, "problem.operator");
        var source = Parse(s, "problem.source");
        var boundary = Parse(s, "problem.boundary");
        var nonlinearity = Nonlinearity(s);
        return points =>
        {
            var grid = Grid(dimensions, end, points);
            var f = grid.Sample(source);
            int bad = Array.FindIndex(f, v => !double.IsFinite(v));
            if (bad >= 0)
                throw new CaseInputException("problem.source", $"'{s.Text("problem.source")}'", $"a formula finite on the grid; it is {f[bad]} at {At(grid, bad)}");
            var g = new double[grid.Count];
            foreach (int i in grid.BoundaryIndices())
                if (!double.IsFinite(g[i] = boundary(grid.Point(i))))
                    throw new CaseInputException("problem.boundary", $"'{s.Text("problem.boundary")}'",
                        $"a formula finite on the boundary; it is {g[i]} at {At(grid, i)}");
            var problem = new GpPdeProblem(grid, op, f, g, nonlinearity);
            return (problem, exact is null ? null : grid.Sample(exact));
        };
    }

    /// <summary>problem.nonlinearity as a <see cref="PointwiseTerm"/>, or null when empty.</summary>
    internal static PointwiseTerm? Nonlinearity(CaseSettings s)
    {
        string text = s.Text("problem.nonlinearity");
        if (text.Trim().Length == 0)
            return null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var a = parts.Select(part => double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : double.NaN).ToArray();
        if (a.Length != 3 || a.Any(double.IsNaN))
            throw new CaseInputException("problem.nonlinearity", $"'{text}'", "three finite coefficients a1,a2,a3 of a1·u + a2·u² + a3·u³, e.g. -1,0,1, or ''");
        return new PointwiseTerm(a[0], a[1], a[2]);
    }

    private static string At(TensorGrid grid, int index) =>
        $"({string.Join(", ", grid.Point(index).Select(x => x.ToString("G6", CultureInfo.InvariantCulture)))})";

    /// <summary>A formula setting as a function of the point (x, y).</summary>
    private static Func<double[], double> Parse(CaseSettings s, string key)
    {
        Formula formula;
        try
        {
            formula = Formula.Parse(s.Text(key), 0);
        }
        catch (FormulaException e)
        {
            throw new CaseInputException(key, $"'{s.Text(key)}'", $"a formula in x and y ({e.Message})");
        }
        return p => formula.Evaluate(p[0], p.Length > 1 ? p[1] : 0, []);
    }

    private static int[] StudyPoints(string text)
    {
        if (text.Trim().Length == 0)
            return [];
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = parts.Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : -1).ToArray();
        if (values.Any(n => n < 3))
            throw new CaseInputException("study.points", $"'{text}'", "a comma-separated list of point counts ≥ 3, e.g. 100,150,200");
        return values;
    }
}
