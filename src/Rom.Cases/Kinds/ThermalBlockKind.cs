using Rom.IO;
using Rom.Krylov;
using Rom.Models.FiniteElements;
using Rom.Models.ThermalBlock;

namespace Rom.Cases.Kinds;

/// <summary>
/// The thermal block: −∇·(d∇u) = f on the unit square, u = 0 on the boundary, d = μ_i on block i of an nx×ny
/// grid, P1 finite elements. A run assembles the model, solves at the parameter in /run and reports the mean of u.
/// </summary>
public sealed class ThermalBlockKind : ICaseKind
{
    /// <summary>Largest squares-per-side accepted, so an over-large mesh is refused up front rather than by running out of memory.</summary>
    private const long MaxSquaresPerSide = 2048;

    /// <inheritdoc />
    public string Name => "thermal-block";

    /// <inheritdoc />
    public string Summary => "P1 FEM heat conduction on the unit square with piecewise-constant conductivity per block";

    /// <inheritdoc />
    public string DefaultTitle => "3×3 thermal block on pyMOR's grid (141 squares per side, 40,045 nodes)";

    /// <inheritdoc />
    public IReadOnlyList<SettingDefinition> Settings { get; } = [.. BlockSettings, .. LinearSystemStep.Settings, .. ReducedBasisStep.Settings];

    /// <summary>The block problem's settings (mesh, blocks, source, conductivity range and run values), shared with the thermal bump.</summary>
    internal static IReadOnlyList<SettingDefinition> BlockSettings { get; } =
    [
        SettingDefinition.Integer("problem.blocks_x", 3, "Number of conductivity blocks along x.", 1),
        SettingDefinition.Integer("problem.blocks_y", 3, "Number of conductivity blocks along y.", 1),
        new("problem.squares_per_side", SettingType.Integer, 141L, "Mesh squares per side of the unit square.",
            v => (long)v is >= 1 and <= MaxSquaresPerSide ? null : $"an integer in 1..{MaxSquaresPerSide}"),
        SettingDefinition.Choice("problem.triangulation", "four", "Split of each square: 'four' triangles around a centre node (pyMOR's grid) or 'two'.", "four", "two"),
        SettingDefinition.Real("problem.source", 1.0, "Constant heat source f."),
        SettingDefinition.Real("parameters.diffusion.lower", 0.1, "Smallest admissible block conductivity.", x => x > 0, "a positive conductivity"),
        SettingDefinition.Real("parameters.diffusion.upper", 1.0, "Largest admissible block conductivity.", x => x > 0, "a positive conductivity"),
        new("run.diffusion", SettingType.RealList, new[] { 0.8, 0.2, 0.5, 0.1, 1.0, 0.3, 0.6, 0.9, 0.4 },
            "Conductivity of each block (block ix + nx·iy), or one value for all blocks."),
    ];

    /// <inheritdoc />
    public CaseRunOutcome Run(CaseRun run)
    {
        var s = run.Settings;
        var options = ReadOptions(s);
        var mu = ReadParameter(s, options);

        var (model, a, b, assembleSeconds) = Assemble(run, options.SquaresPerSide, () =>
        {
            var m = new ThermalBlockModel(options);
            return (m, (CsrMatrix)m.AffineOperator.At(mu), m.RightHandSide(mu));
        });

        var (result, results, plots, summary) = SolveAndRecord(run, model, a, b, mu, assembleSeconds);
        var u = result.Solution;
        string name = run.Document.Name;
        if (s.Integer("reduction.enabled") == 0 || !result.Converged)
            return new CaseRunOutcome(results, plots, summary, result.Converged, result.Message);

        var ones = Parameter.Of(ThermalBlockModel.ParameterName, Enumerable.Repeat(1.0, options.BlocksX * options.BlocksY).ToArray());
        var reduction = ReducedBasisStep.Run(model, ones, s, run.Progress, "Σ_q A_q, the stiffness matrix at unit conductivity (the H¹₀ seminorm)");
        var reduced = reduction.Model.Reconstruct(reduction.Model.Solve(mu).Coefficients);
        var error = u.Zip(reduced, (full, rb) => Math.Abs(full - rb)).ToArray();
        plots.Add(PlotRequest.Of("reduced-solution", new HeatmapPlot($"{name}: reduced solution (N = {reduction.Model.BasisSize})", model.VertexGrid(reduced), 0, 1, 0, 1, "u_N")));
        plots.Add(PlotRequest.Of("reduced-error", new HeatmapPlot($"{name}: |u − u_N| at the run parameter", model.VertexGrid(error), 0, 1, 0, 1, "|u − u_N|")));
        return reduction.After(results, plots, summary, result.Message);
    }

    /// <summary>
    /// The assembly step of a block-based case: reports it (P1 on <paramref name="squaresPerSide"/>² squares) and times
    /// <paramref name="assemble"/>, which builds the model and its system A u = b at the run parameter.
    /// </summary>
    internal static (TModel Model, CsrMatrix A, double[] B, double Seconds) Assemble<TModel>(
        CaseRun run, int squaresPerSide, Func<(TModel Model, CsrMatrix A, double[] B)> assemble)
    {
        run.Progress.Report(new ProgressUpdate("assemble", null, $"P1 on {squaresPerSide}² squares"));
        var clock = Stopwatch.StartNew();
        var (model, a, b) = assemble();
        return (model, a, b, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The full-order step of a block-based case: solves A u = b, then records the solution, mesh, mean output and
    /// solver in the results and makes the solution and residual plots and the summary lines.
    /// </summary>
    internal static (KrylovResult Result, DataGroup Results, List<PlotRequest> Plots, List<SummaryItem> Summary) SolveAndRecord(
        CaseRun run, ThermalBlockModel model, CsrMatrix a, double[] b, Parameter mu, double assembleSeconds)
    {
        var s = run.Settings;
        var result = LinearSystemStep.Solve(a, b, s, run.Progress);
        var u = result.Solution;
        double mean = model.Outputs.Single(o => o.Name == "mean").Evaluate(u);

        var results = new DataGroup();
        var solution = results.GetOrAddGroup("solution");
        solution.Datasets["u"] = DataArray.Of(u);
        solution.Datasets["nodal"] = DataArray.Of(model.ToNodal(u));
        foreach (var component in mu.Names)
            solution.Attributes[component] = DataArray.Of(mu[component].ToArray());
        WriteMesh(model, results.GetOrAddGroup("mesh"));
        results.GetOrAddGroup("outputs").Attributes["mean"] = DataArray.Scalar(mean);
        results.GetOrAddGroup("timings").Attributes["assemble_seconds"] = DataArray.Scalar(assembleSeconds);
        LinearSystemStep.Record(result, a, b, s, results);

        string name = run.Document.Name;
        var plots = new List<PlotRequest>
        {
            PlotRequest.Of("solution", new HeatmapPlot($"{name}: temperature u", model.VertexGrid(u), 0, 1, 0, 1, "u")),
            LinearSystemStep.ResidualPlot(result, name),
        };
        var summary = new List<SummaryItem>
        {
            new("blocks", "blocks", $"{model.Options.BlocksX}×{model.Options.BlocksY}"),
            new("nodes", "mesh nodes", (long)model.Triangulation.NodeCount),
            new("unknowns", "unknowns (interior nodes)", (long)model.Dimension),
            new("output_mean", "mean of u over the square", mean),
            new("assemble_seconds", "assembly time", assembleSeconds, "s"),
        };
        summary.AddRange(LinearSystemStep.Summary(result));
        return (result, results, plots, summary);
    }

    /// <summary>The block problem's options from <see cref="BlockSettings"/>.</summary>
    internal static ThermalBlockOptions ReadOptions(CaseSettings s)
    {
        var (lower, upper) = ParameterSettings.Range(s, "diffusion");
        double source = s.Real("problem.source");
        long squares = s.Integer("problem.squares_per_side"), blocksX = s.Integer("problem.blocks_x"), blocksY = s.Integer("problem.blocks_y");
        foreach (var (axis, blocks) in new[] { ("problem.blocks_x", blocksX), ("problem.blocks_y", blocksY) })
            if (blocks > squares)
                throw new CaseInputException(axis, blocks.ToString(), $"at most problem.squares_per_side = {squares} (a block is at least one mesh square wide)");
        // Every affine term is a sparse matrix over all n unknowns (its row pointers alone are n + 1 ints), besides the
        // assembled matrix and the solver's vectors: refuse what cannot fit before building any of it.
        double nodes = 2.0 * (squares + 1) * (squares + 1), terms = (double)blocksX * blocksY;
        if (MemoryBudget.Refusal(terms * (nodes + 1) * 4 + nodes * 400) is { } refusal)
            throw new CaseInputException("problem.blocks_x", $"{blocksX} × {blocksY} blocks on {squares}² squares", $"a model that fits in memory: this one {refusal}");
        ReducedBasisStep.RefuseIfTooLarge(s, (long)terms, (long)nodes);
        return new ThermalBlockOptions(
            (int)blocksX,
            (int)blocksY,
            (int)squares,
            s.Text("problem.triangulation") == "four" ? TriangleSplit.FourAroundCentre : TriangleSplit.Two,
            lower,
            upper,
            source == 1.0 ? null : (_, _) => source);
    }

    /// <summary>The block conductivities of run.diffusion, checked against their range.</summary>
    internal static Parameter ReadParameter(CaseSettings s, ThermalBlockOptions options) =>
        Parameter.Of("diffusion", ParameterSettings.Values(s, "diffusion", options.BlocksX * options.BlocksY,
            "blocks_x · blocks_y", (options.MuLower, options.MuUpper)));

    /// <summary>Node coordinates, triangles and the nodes of the unknowns, for plotting a solution elsewhere.</summary>
    internal static void WriteMesh(ThermalBlockModel model, DataGroup mesh)
    {
        var t = model.Triangulation;
        var xy = new double[2 * t.NodeCount];
        for (int i = 0; i < t.NodeCount; i++)
        {
            xy[2 * i] = t.X[i];
            xy[2 * i + 1] = t.Y[i];
        }
        mesh.Datasets["coordinates"] = DataArray.Of(xy, t.NodeCount, 2);
        mesh.Datasets["triangles"] = DataArray.Of(t.Triangles.ToArray(), t.TriangleCount, 3);
        mesh.Datasets["free_nodes"] = DataArray.Of(model.FreeNodes.ToArray());
    }
}
