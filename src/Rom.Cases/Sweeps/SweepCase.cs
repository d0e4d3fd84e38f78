using Rom.IO;
using Rom.Krylov;
using Rom.Models;
using Rom.Models.Darcy;
using Rom.Sweeps;

namespace Rom.Cases.Sweeps;

/// <summary>
/// What a sweep case says: its settings, the family of systems they (or the case's own matrices) define, the sweep
/// options, and an identity that tells whether two runs compute the same dataset.
/// </summary>
public static class SweepCase
{
    /// <summary>Families a sweep case can name.</summary>
    public static IReadOnlyList<string> Families { get; } = ["skr-darcy", "skr-helmholtz", "darcy-spd", "fno-darcy", "matrix-list"];

    /// <summary>The settings of the sweep case kind.</summary>
    public static IReadOnlyList<SettingDefinition> Settings { get; } =
    [
        SettingDefinition.Choice("problem.family", "skr-darcy",
            "Systems: 'skr-darcy', 'skr-helmholtz' (SKR's generators), 'darcy-spd' (2-D/3-D SPD Darcy), 'fno-darcy' (the FNO paper's Darcy data: thresholded GRF, solved on grid_size, stored at output_size) or 'matrix-list' (the CSR matrices in /data/matrices).",
            [.. Families]),
        SettingDefinition.Integer("problem.grid_size", 34, "Grid points s per side, boundary included: (s − 2)^d unknowns (generated families).", 3),
        SettingDefinition.Integer("problem.output_size", 0,
            "fno-darcy: points per side of the stored grid, boundary included (grid_size − 1 a multiple of output_size − 1); 0: the whole grid.", 0),
        new("problem.dimension", SettingType.Integer, 2L, "Space dimension d: 2, or 3 for darcy-spd.", v => (long)v is 2 or 3 ? null : "2 or 3"),
        SettingDefinition.Integer("problem.count", 100, "Number of systems (generated families).", 1),
        new("problem.seed", SettingType.Integer, 0L, "Seed of the generated family.", v => (long)v is >= 0 and <= int.MaxValue ? null : $"an integer in 0..{int.MaxValue}"),
        SettingDefinition.Flag("problem.spd", false, "matrix-list: the given matrices are symmetric positive definite (allows " +
            string.Join(", ", KrylovSolvers.Methods.Where(m => m.NeedsSpd).Select(m => m.Name).Concat(KrylovSolvers.Preconditioners.Where(p => p.NeedsSpd).Select(p => p.Name))) + ")."),
        SolverChoices.Method("sweep.method", "gcro-dr", "Solver", KrylovSolvers.Methods),
        SolverChoices.Preconditioner("sweep.preconditioner", "none", "Preconditioner built for every system (a reused one from the shard's first system)",
            KrylovSolvers.Preconditioners),
        SettingDefinition.Real("sweep.relative_tolerance", 1e-8, "Stop when ‖b − A x‖ ≤ tolerance · ‖b‖.", x => x > 0 && x < 1, "a number in (0, 1)"),
        SettingDefinition.Integer("sweep.max_iterations", 10_000, "Iteration cap per system.", 1),
        SettingDefinition.Integer("sweep.restart", 40, "Restart length m of GMRES and GCRO-DR.", 1),
        SettingDefinition.Integer("sweep.recycle_size", 20, "Recycle size k of GCRO-DR (at most m − 2) and deflated CG.", 1),
        SettingDefinition.Choice("sweep.ordering", "greedy",
            "Order of the solves: 'given' (index order), 'greedy' (nearest-neighbour chain), 'diameter-2opt' or 'grouped-greedy' (greedy chains within groups of 1,000 along the fields' leading principal coordinate, for 10³ systems and more), on the distance between fields.",
            [.. SweepOptions.Orderings]),
        SettingDefinition.Flag("sweep.warm_start", false, "Start each iterative solve from the solution of the nearest system already solved."),
        .. SweepPod.Settings,
        .. SweepMerge.Settings,
        SettingDefinition.Integer("output.checkpoint_every", 10, "rom sweep: systems solved between two checkpoints (DATA.partial), from which a killed sweep resumes.", 1),
        OutputSettings.Plots,
    ];

    /// <summary>The sweep options the settings give.</summary>
    public static SweepOptions Options(CaseSettings s)
    {
        var solver = new SolverSettings(s.Text("sweep.method"), s.Text("sweep.preconditioner"), s.Real("sweep.relative_tolerance"),
            (int)Math.Min(s.Integer("sweep.max_iterations"), int.MaxValue), (int)Math.Min(s.Integer("sweep.restart"), int.MaxValue),
            (int)Math.Min(s.Integer("sweep.recycle_size"), int.MaxValue));
        var options = new SweepOptions(solver, s.Text("sweep.ordering"), s.Integer("sweep.warm_start") == 1);
        Blame(s, () => options.Validate());
        return options;
    }

    /// <summary>
    /// The family of systems of the case, and a solver positioned at the start of <paramref name="shard"/>; bad
    /// settings or data raise <see cref="CaseInputException"/> naming the setting or the object in the file.
    /// </summary>
    public static SweepSolver Start(CaseDocument document, CaseSettings s, SweepShard shard) => Start(Check(document, s, shard), s, shard);

    /// <summary>A solver positioned at the start of <paramref name="shard"/> for a family <see cref="Check"/> returned: orders the systems.</summary>
    public static SweepSolver Start(ISystemFamily family, CaseSettings s, SweepShard shard)
    {
        ArgumentNullException.ThrowIfNull(family);
        if (shard.Count > family.Count)
            throw new CaseInputException("--shard", shard.ToString(), $"at most {family.Count} shards, one system each at least");
        return Blame(s, () => new SweepSolver(family, Options(s), shard));
    }

    /// <summary>
    /// The case's family, with the settings checked against it as <see cref="Start(ISystemFamily, CaseSettings, SweepShard)"/> checks them, but without ordering
    /// or building any system: what a job script needs before it is submitted.
    /// </summary>
    public static ISystemFamily Check(CaseDocument document, CaseSettings s, SweepShard shard)
    {
        var family = Family(document, s, shard);
        var options = Options(s);
        return Blame(s, () =>
        {
            SweepSolver.Check(family, options);
            return family;
        });
    }

    /// <summary>
    /// The sweep's identity (<see cref="CaseIdentity"/>): two runs with the same identity compute the same dataset, so
    /// their checkpoints and shards may be combined.
    /// </summary>
    public static string Identity(CaseDocument document, CaseSettings s) => CaseIdentity.Of(document, s);

    /// <summary>The settings only generated families read.</summary>
    private static readonly string[] GeneratedOnly = ["problem.grid_size", "problem.output_size", "problem.dimension", "problem.count", "problem.seed"];

    /// <summary>A setting the family does not read must keep its default, so that a value given for it is never silently ignored.</summary>
    private static void RefuseUnused(CaseSettings s)
    {
        string family = s.Text("problem.family");
        string[] unused = family == "matrix-list" ? GeneratedOnly : ["problem.spd"];
        string why = family == "matrix-list"
            ? "the systems are the matrices in /data/matrices"
            : "only 'matrix-list' reads it; a generated family knows whether its matrices are SPD";
        var values = s.Describe().ToDictionary(d => d.Key, d => d.Value);
        foreach (var d in Settings.Where(d => unused.Contains(d.Key)))
            if (values[d.Key] != SettingDefinition.Format(d.Default))
                throw new CaseInputException(d.Key, values[d.Key], $"its default {SettingDefinition.Format(d.Default)}: problem.family = '{family}' does not use it ({why})");
    }

    private static ISystemFamily Family(CaseDocument document, CaseSettings s, SweepShard shard)
    {
        string family = s.Text("problem.family");
        RefuseUnused(s);
        int grid = (int)Math.Min(s.Integer("problem.grid_size"), int.MaxValue), count = (int)Math.Min(s.Integer("problem.count"), int.MaxValue);
        int dimension = (int)s.Integer("problem.dimension"), seed = (int)s.Integer("problem.seed");
        if (family is "skr-darcy" or "skr-helmholtz" or "fno-darcy" && dimension != 2)
            throw new CaseInputException("problem.dimension", dimension.ToString(), $"2 for '{family}' (3-D is 'darcy-spd')");
        int output = (int)Math.Min(s.Integer("problem.output_size"), int.MaxValue);
        if (output != 0 && family != "fno-darcy")
            throw new CaseInputException("problem.output_size", output.ToString(), $"0 for '{family}' (only 'fno-darcy' stores its samples on a coarser grid)");
        double unknowns = Math.Pow(grid - 2, dimension);
        if (family != "matrix-list" && unknowns > 1e8)
            throw new CaseInputException("problem.grid_size", grid.ToString(), $"a grid with at most 10⁸ unknowns ((s − 2)^{dimension} = {unknowns:G3})");
        // The shard's dataset (an input field and a solution per system, in doubles) and one system's matrix, solver
        // vectors and recycle space (about 100 doubles per unknown) are held in memory at once.
        double systems = Math.Ceiling((double)count / shard.Count), bytes = systems * unknowns * 16 + unknowns * 800;
        if (family != "matrix-list" && MemoryBudget.Refusal(bytes) is { } refusal)
            throw new CaseInputException("problem.count", $"{count:N0} systems of {unknowns:N0} unknowns{(shard.Count > 1 ? $" in {shard.Count} shards" : "")}",
                $"a sweep whose shard fits in memory: this one {refusal}; use fewer systems, a smaller grid or more shards");
        return family switch
        {
            "skr-darcy" => new SkrDarcyFamily(new SkrDarcyOptions(grid, count, seed)),
            "skr-helmholtz" => new SkrDarcyFamily(new SkrDarcyOptions(grid, count, seed, Equation: SkrEquation.Helmholtz)),
            "darcy-spd" => new DarcySpdFamily(new DarcySpdOptions(grid, dimension, count, seed)),
            "fno-darcy" => FnoDarcy(new FnoDarcyOptions(grid, output == 0 ? grid : output, count, seed)),
            _ => MatrixList(document.Root, document.Path, s.Integer("problem.spd") == 1),
        };
    }

    // The family's check of the stored grid names its option; the case names the setting and the sizes that fit.
    private static FnoDarcyFamily FnoDarcy(FnoDarcyOptions options)
    {
        try
        {
            return new FnoDarcyFamily(options);
        }
        catch (ArgumentException e) when (e.ParamName == nameof(SubsampledGrid.Size))
        {
            throw new CaseInputException("problem.output_size", options.OutputSize.ToString(),
                $"0 or a size s with problem.grid_size − 1 = {options.GridSize - 1} a multiple of s − 1: one of {string.Join(", ", SubsampledGrid.Sizes(options.GridSize))}");
        }
    }

    /// <summary>
    /// The case's own systems: CSR groups /data/matrices/0, 1, ..., N−1 (one sparsity pattern) and right-hand sides
    /// /data/rhs of shape [N, n].
    /// </summary>
    private static MatrixListSystems MatrixList(DataGroup root, string path, bool spd)
    {
        var matrices = CaseMatrices.ReadSquare(root, "data/matrices", path, "a group of CSR matrices named 0, 1, ..., N-1 (problem.family = 'matrix-list')", symmetric: spd);
        for (int i = 1; i < matrices.Count; i++)
            if (!matrices[i].RowPointers.AsSpan().SequenceEqual(matrices[0].RowPointers) || !matrices[i].ColumnIndices.AsSpan().SequenceEqual(matrices[0].ColumnIndices))
                throw new CaseInputException($"/data/matrices/{i}", $"a matrix with {matrices[i].NonZeros} entries in another pattern",
                    $"the sparsity pattern of /data/matrices/0 ({matrices[0].NonZeros} entries): a matrix list shares one pattern", path);
        int n = matrices[0].Rows;
        if (!root.TryGetDataset("data/rhs", out var rhs))
            throw new CaseInputException("/data/rhs", "nothing (dataset missing)", $"a float dataset of shape [{matrices.Count}, {n}]", path);
        if (!rhs.IsFloat || rhs.Shape.Length != 2 || rhs.Shape[0] != matrices.Count || rhs.Shape[1] != n)
            throw new CaseInputException("/data/rhs", rhs.ToString(), $"a float dataset of shape [{matrices.Count}, {n}], one row per matrix", path);
        var values = rhs.AsDoubles();
        int bad = Array.FindIndex(values, v => !double.IsFinite(v));
        if (bad >= 0)
            throw new CaseInputException($"/data/rhs[{bad / n}, {bad % n}]", values[bad].ToString(), "a finite number", path);
        var b = Enumerable.Range(0, matrices.Count).Select(i => values.AsSpan(i * n, n).ToArray()).ToList();
        return new MatrixListSystems(matrices, b, spd);
    }

    // The library names the option it rejects; the case names the setting, its value and the library's reason.
    internal static T Blame<T>(CaseSettings s, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            string key = e.ParamName switch
            {
                nameof(SolverSettings.Preconditioner) => "sweep.preconditioner",
                nameof(SolverSettings.RelativeTolerance) => "sweep.relative_tolerance",
                nameof(SolverSettings.MaxIterations) => "sweep.max_iterations",
                nameof(SolverSettings.Restart) => "sweep.restart",
                nameof(SolverSettings.RecycleSize) => "sweep.recycle_size",
                nameof(SweepOptions.Ordering) => "sweep.ordering",
                nameof(SweepOptions.WarmStart) => "sweep.warm_start",
                _ => "sweep.method",
            };
            string value = s.Describe().First(d => d.Key == key).Value;
            throw new CaseInputException(key, value, $"a setting the sweep accepts ({e.Reason().TrimEnd('.')})");
        }
    }

    private static void Blame(CaseSettings s, Action check) => Blame(s, () => { check(); return 0; });
}
