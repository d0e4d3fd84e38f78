using Rom.Krylov;
using Rom.Models;
using Rom.Models.FiniteElements;
using Rom.Models.ThermalBlock;

namespace Rom.Cases.Kinds;

/// <summary>
/// A parametrised linear system given by its matrices: A(μ) = Σ_q μ_q A_q with A_q stored in the case file
/// (SciPy CSR layout under /data/operators/0, 1, ...) and a right-hand side /data/rhs. This is how systems
/// assembled by another code enter Rom; a run solves at the parameter in /run and, for symmetric positive
/// semi-definite A_q, builds and certifies a reduced basis without any assembly code (nonintrusive).
/// </summary>
public sealed class AffineSystemKind : ICaseKind
{
    /// <inheritdoc />
    public string Name => "affine-system";

    /// <inheritdoc />
    public string Summary => "user-provided SPD matrices A(μ) = Σ μ_q A_q and right-hand side, solved by preconditioned CG";

    /// <inheritdoc />
    public string DefaultTitle => "2×2 thermal block exported as matrices (20 squares per side)";

    /// <inheritdoc />
    public IReadOnlyList<SettingDefinition> Settings { get; } =
    [
        SettingDefinition.Real("parameters.mu.lower", 0.1, "Smallest admissible coefficient μ_q."),
        SettingDefinition.Real("parameters.mu.upper", 1.0, "Largest admissible coefficient μ_q."),
        new("run.mu", SettingType.RealList, new[] { 1.0 }, "Coefficients μ_q of the operators, or one value for all."),
        .. LinearSystemStep.Settings,
        .. ReducedBasisStep.Settings,
    ];

    /// <summary>
    /// The default case carries the affine decomposition of a small 2×2 thermal block (20 squares per side), so
    /// `rom new affine-system` shows the layout a user's own matrices must follow.
    /// </summary>
    public DataGroup CreateDefault()
    {
        var root = new DataGroup();
        var defaults = CaseSettings.Defaults(Settings);
        defaults.Set("run.mu", new[] { 0.2, 1.0, 0.6, 0.4 });
        defaults.WriteTo(root);
        var model = new ThermalBlockModel(new ThermalBlockOptions(2, 2, 20, TriangleSplit.FourAroundCentre));
        var operators = root.GetOrAddGroup("data/operators");
        for (int q = 0; q < model.AffineOperator.Terms.Count; q++)
            operators.Groups[q.ToString()] = CsrGroup.Write((CsrMatrix)model.AffineOperator.Terms[q]);
        root.GetOrAddGroup("data").Datasets["rhs"] = DataArray.Of(model.RightHandSide(Parameter.Of("diffusion", 1, 1, 1, 1)));
        CaseOutputs.Write(root, RightHalfMean(model));
        return root;
    }

    /// <summary>The default cases' example output: the mean of u over the right half of the unit square, 2∫_{x > ½} u.</summary>
    internal static OutputFunctional RightHalfMean(ThermalBlockModel blocks)
    {
        var load = P1Assembly.Load(blocks.Triangulation, static (x, _) => x > 0.5 ? 2.0 : 0.0);
        return new OutputFunctional("right_half_mean", blocks.FreeNodes.Select(i => load[i]).ToArray());
    }

    /// <inheritdoc />
    public CaseRunOutcome Run(CaseRun run)
    {
        var s = run.Settings;
        string path = run.Document.Path;
        // The reduced basis and the SPD solvers read the lower triangle only, so they need symmetric terms.
        bool symmetric = s.Integer("reduction.enabled") == 1 || KrylovSolvers.Method(s.Text("solver.method")).NeedsSpd;
        var terms = ReadOperators(run.Document.Root, path, symmetric);
        var rhs = ReadRightHandSide(run.Document.Root, path, terms[0].Rows);
        ReducedBasisStep.RefuseIfTooLarge(s, terms.Count, rhs.Length);
        var mu = ReadParameter(s, terms.Count);
        var (lower, upper) = ParameterSettings.Range(s, "mu");
        if (!(lower > 0))
            throw new CaseInputException("parameters.mu.lower", lower.ToString("G6"), "a positive value: μ_q multiplies A_q and Σ A_q is the energy product");
        var model = new AffineSystemModel(terms, rhs, lower, upper, CaseOutputs.Read(run.Document.Root, path, rhs.Length));
        var a = (CsrMatrix)model.AffineOperator.At(mu);

        var (result, results, plots, summary) = LinearSystemStep.SolveMatrix(a, rhs, mu["mu"].ToArray(), [new("terms", "operator terms Q", (long)terms.Count)], run);
        if (s.Integer("reduction.enabled") == 0 || !result.Converged)
            return new CaseRunOutcome(results, plots, summary, result.Converged, result.Message);

        // Nonintrusive reduced basis: only the matrices are known; min-theta with X = Σ A_q = A(1, …, 1).
        return ReducedBasisStep.Run(model, model.ReferenceParameter, s, run.Progress, "Σ_q A_q = A(1, …, 1)").After(results, plots, summary, result.Message);
    }

    private static List<CsrMatrix> ReadOperators(DataGroup root, string path, bool symmetric) =>
        CaseMatrices.ReadSquare(root, "data/operators", path, "a group of CSR matrices named 0, 1, ..., Q-1", symmetric);

    internal static double[] ReadRightHandSide(DataGroup root, string path, int n)
    {
        if (!root.TryGetDataset("data/rhs", out var rhs))
            throw new CaseInputException("/data/rhs", "nothing (dataset missing)", $"a float dataset of length {n}", path);
        if (!rhs.IsFloat || rhs.Shape.Length != 1 || rhs.Shape[0] != n)
            throw new CaseInputException("/data/rhs", rhs.ToString(), $"a float dataset of shape [{n}]", path);
        var b = rhs.AsDoubles();
        int bad = Array.FindIndex(b, v => !double.IsFinite(v));
        if (bad >= 0)
            throw new CaseInputException($"/data/rhs[{bad}]", b[bad].ToString(), "a finite number", path);
        return b;
    }

    private static Parameter ReadParameter(CaseSettings s, int terms) =>
        Parameter.Of("mu", ParameterSettings.Values(s, "mu", terms, "one per operator term", ParameterSettings.Range(s, "mu")));
}
