using Rom.Krylov;
using Rom.Models;
using Rom.Models.Darcy;
using Rom.Sweeps;

namespace Rom.Bench.Krylov;

/// <summary>
/// Issue 3's Krylov benchmark: for each family and size, every mode solves the same systems through the sweep engine
/// (<see cref="SweepSolver"/>), and SciPy solves them in the same run. Ratios compare each row with the family's
/// reference mode: independent GMRES(40) for the non-symmetric SKR families, independent Jacobi-PCG for Darcy SPD
/// (unpreconditioned GMRES(40) at 48³ would take most of the run and is no baseline anybody would use there).
/// </summary>
public static class KrylovBenchmark
{
    /// <summary>A mode: its label and the sweep settings that realise it.</summary>
    private sealed record Mode(string Label, SweepOptions Options);

    /// <summary>Runs every family at every size and returns the rows, Rom's then SciPy's per family and size.</summary>
    /// <param name="options">What to run.</param>
    /// <param name="log">Receives a line per finished mode (progress).</param>
    public static IReadOnlyList<KrylovBenchRow> Run(KrylovBenchOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        WarmUp();
        var rows = new List<KrylovBenchRow>();
        foreach (var family in Families(options))
            rows.AddRange(RunFamily(new CachedSystems(family), options, log));
        return rows;
    }

    // Runs every mode once on tiny systems, so the just-in-time compilation of the solvers is not timed.
    private static void WarmUp()
    {
        var skr = new SkrDarcyFamily(new SkrDarcyOptions(10, 2, Seed: 1));
        ISystemFamily[] tiny = [skr, new DarcySpdFamily(new DarcySpdOptions(8, Dimension: 3, Count: 2, Seed: 1))];
        foreach (var family in tiny)
            foreach (var mode in Modes(family))
            {
                var sweep = new SweepSolver(family, mode.Options);
                while (!sweep.IsFinished) sweep.SolveNext();
            }
    }

    private static IEnumerable<ISystemFamily> Families(KrylovBenchOptions options)
    {
        int[] skrGrids = options.Small ? [34] : [102, 202];
        foreach (string name in options.Families)
        {
            if (name == "darcy-spd")
            {
                int count = options.Small ? options.Count : options.LargeCount;
                yield return new DarcySpdFamily(new DarcySpdOptions(options.Small ? 14 : 50, Dimension: 3, Count: count, Seed: 1));
                continue;
            }
            foreach (int s in skrGrids)
                yield return new SkrDarcyFamily(new SkrDarcyOptions(s, s == 202 ? options.LargeCount : options.Count, Seed: 1,
                    Equation: name == "skr-darcy" ? SkrEquation.Darcy : SkrEquation.Helmholtz));
        }
    }

    private static IReadOnlyList<Mode> Modes(ISystemFamily family)
    {
        const double tol = KrylovBenchOptions.Tolerance;
        if (!family.IsSymmetricPositiveDefinite)
            return
            [
                new("gmres(40)", new SweepOptions(new SolverSettings("gmres", RelativeTolerance: tol, MaxIterations: 100_000), Ordering: "given")),
                new("gcro-dr(40,20) unsorted", new SweepOptions(new SolverSettings("gcro-dr", RelativeTolerance: tol, MaxIterations: 100_000), Ordering: "given")),
                new("gcro-dr(40,20) sorted", new SweepOptions(new SolverSettings("gcro-dr", RelativeTolerance: tol, MaxIterations: 100_000), Ordering: "greedy")),
            ];
        return
        [
            new("pcg", new SweepOptions(new SolverSettings("cg", "jacobi", tol), Ordering: "given")),
            new("cg", new SweepOptions(new SolverSettings("cg", "none", tol), Ordering: "given")), // like for like with SciPy's cg
            new("pcg", new SweepOptions(new SolverSettings("cg", "ic0", tol), Ordering: "given")),
            new("pcg", new SweepOptions(new SolverSettings("cg", "amg", tol), Ordering: "given")),
            new("pcg", new SweepOptions(new SolverSettings("cg", "amg-reuse", tol), Ordering: "given")),
            new("pcg sorted warm", new SweepOptions(new SolverSettings("cg", "jacobi", tol), Ordering: "greedy", WarmStart: true)),
            new("pcg sorted warm", new SweepOptions(new SolverSettings("cg", "amg", tol), Ordering: "greedy", WarmStart: true)),
            new("pcg sorted warm", new SweepOptions(new SolverSettings("cg", "amg-reuse", tol), Ordering: "greedy", WarmStart: true)),
            new("deflated-cg(20) sorted", new SweepOptions(new SolverSettings("deflated-cg", "jacobi", tol), Ordering: "greedy")),
            new("deflated-cg(20) sorted warm", new SweepOptions(new SolverSettings("deflated-cg", "jacobi", tol), Ordering: "greedy", WarmStart: true)),
        ];
    }

    private static List<KrylovBenchRow> RunFamily(ISystemFamily family, KrylovBenchOptions options, Action<string>? log)
    {
        var measured = new List<(string Source, string Mode, string Preconditioner, int Systems, double Iterations, double Products, double Seconds, int Converged, double MaxResidual)>();
        for (int i = 0; i < family.Count; i++) family.System(i);
        foreach (var mode in Modes(family))
        {
            var sweep = new SweepSolver(family, mode.Options);
            var samples = new List<SweepSample>();
            while (!sweep.IsFinished) samples.Add(sweep.SolveNext());
            measured.Add(("rom", mode.Label, mode.Options.Solver.Preconditioner, samples.Count, samples.Average(s => s.Iterations),
                samples.Average(s => s.MatrixVectorProducts), samples.Average(s => s.Seconds), samples.Count(s => s.Converged),
                samples.Max(s => s.RelativeResidual)));
            log?.Invoke($"{family.Name} n = {family.Unknowns}: {mode.Label} {mode.Options.Solver.Preconditioner}: {samples.Average(s => s.Seconds):F3} s per system");
        }

        bool threeD = family.IsSymmetricPositiveDefinite;
        string[] methods = family.IsSymmetricPositiveDefinite ? ["cg", "spsolve"] : ["gmres", "spsolve"];
        var scipy = ScipyKrylovReference.Run(family, methods, threeD ? options.DirectSubset : family.Count, options);
        foreach (string method in methods)
        {
            var solves = scipy.Where(s => s.Method == method).ToList();
            if (solves.Count == 0) continue;
            var counted = solves.Where(s => s.Matvecs is not null).ToList();
            measured.Add(("scipy", method == "gmres" ? "gmres(40)" : method, "none", solves.Count, solves.Average(s => (double)s.Iterations),
                counted.Count > 0 ? counted.Average(s => (double)s.Matvecs!.Value) : double.NaN, solves.Average(s => s.Seconds),
                solves.Count(s => s.Converged), solves.Max(s => s.RelativeResidual)));
            log?.Invoke($"{family.Name} n = {family.Unknowns}: SciPy {method}: {solves.Average(s => s.Seconds):F3} s per system ({solves.Count} systems)");
        }

        var reference = measured[0];
        double scipyBest = measured.Where(m => m.Source == "scipy").Select(m => m.Seconds).DefaultIfEmpty(double.NaN).Min();
        return measured.Select(m => new KrylovBenchRow(family.Name, family.Unknowns, m.Systems, m.Source, m.Mode, m.Preconditioner,
            m.Iterations, m.Products, m.Seconds, m.Converged, m.MaxResidual, $"rom {reference.Mode} {reference.Preconditioner}",
            m.Iterations / reference.Iterations, m.Seconds / reference.Seconds, scipyBest)).ToList();
    }
}
