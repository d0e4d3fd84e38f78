using Rom.Models;
using Rom.Sweeps;

namespace Rom.Tests.Sweeps;

public class SweepSolverTests
{
    private static ISystemFamily SmallSpd() => new DarcySpdFamily(new DarcySpdOptions(GridSize: 10, Count: 3, Seed: 5));

    private static ISystemFamily SmallSkr() => new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 12, Count: 3, Seed: 5));

    private static IEnumerable<TestCaseData> Combinations()
    {
        foreach (string method in KrylovSolvers.Methods.Select(m => m.Name))
            foreach (string preconditioner in KrylovSolvers.Preconditioners.Select(p => p.Name))
                if (method != "cholesky" || preconditioner == "none")
                    yield return new TestCaseData("darcy-spd", method, preconditioner);
        foreach (string method in new[] { "gmres", "bicgstab", "gcro-dr" })
            foreach (string preconditioner in new[] { "none", "jacobi", "ssor", "ilu0" })
            {
                yield return new TestCaseData("skr-darcy", method, preconditioner);
                yield return new TestCaseData("skr-helmholtz", method, preconditioner);
            }
    }

    [TestCaseSource(nameof(Combinations))]
    public void EveryMethodAndPreconditionerReachesTheToleranceOnASmallFamily(string family, string method, string preconditioner)
    {
        var systems = family switch
        {
            "darcy-spd" => SmallSpd(),
            "skr-darcy" => SmallSkr(),
            _ => new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 12, Count: 3, Seed: 5, Equation: SkrEquation.Helmholtz)),
        };
        const double tolerance = 1e-9;
        var sweep = new SweepSolver(systems, new SweepOptions(new SolverSettings(method, preconditioner, tolerance, Restart: 20, RecycleSize: 6), WarmStart: method != "cholesky"));
        while (!sweep.IsFinished)
        {
            var sample = sweep.SolveNext();
            Assert.That(sample.Converged, sample.Message);
            var (a, b) = systems.System(sample.Index);
            // Residual and error against a dense LU solve, computed here with MathNet, not by the sweep.
            var dense = a.ToMathNet();
            var rhs = Vector<double>.Build.DenseOfArray(b);
            var x = Vector<double>.Build.DenseOfArray(sample.Solution);
            double residual = (rhs - dense * x).L2Norm() / rhs.L2Norm();
            Assert.That(residual, Is.LessThanOrEqualTo(tolerance * 1.0001), sample.Message);
            Assert.That(sample.RelativeResidual, Is.EqualTo(residual).Within(1e-3 * tolerance));
            var exact = dense.LU().Solve(rhs);
            Assert.That((x - exact).L2Norm() / exact.L2Norm(), Is.LessThan(1e-5));
        }
    }

    [Test]
    public void SortedRecyclingOnSkrDarcyNeedsFewerProductsThanIndependentGmres()
    {
        var systems = new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 34, Count: 12, Seed: 3));
        var recycled = Run(systems, new SweepOptions(new SolverSettings("gcro-dr", RelativeTolerance: 1e-8, Restart: 40, RecycleSize: 20), Ordering: "greedy"));
        var independent = Run(systems, new SweepOptions(new SolverSettings("gmres", RelativeTolerance: 1e-8, Restart: 40), Ordering: "given"));
        Assert.That(recycled.Concat(independent).All(s => s.Converged && s.RelativeResidual <= 1e-8));
        double r = recycled.Average(s => s.MatrixVectorProducts), g = independent.Average(s => s.MatrixVectorProducts);
        TestContext.Out.WriteLine($"n = {systems.Unknowns}, 12 systems, 1e-8: sorted GCRO-DR(40,20) {r:F0} products per system, GMRES(40) {g:F0} ({g / r:F2}x)");
        Assert.That(r, Is.LessThan(0.75 * g));
    }

    [TestCase("gcro-dr", "skr", "greedy", true)]
    [TestCase("gcro-dr", "skr", "diameter-2opt", false)]
    [TestCase("gcro-dr", "skr", "grouped-greedy", false)]
    [TestCase("deflated-cg", "spd", "greedy", true)]
    [TestCase("cg", "spd", "given", true)]
    [TestCase("cholesky", "spd", "greedy", false)]
    [TestCase("cg", "spd", "greedy", true, "amg-reuse")]
    [TestCase("deflated-cg", "fno", "greedy", false)]
    public void ARestoredSweepReproducesTheRemainingSamplesExactly(string method, string family, string ordering, bool warmStart, string preconditioner = "none")
    {
        ISystemFamily systems = family switch
        {
            "skr" => new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 18, Count: 8, Seed: 9)),
            "spd" => new DarcySpdFamily(new DarcySpdOptions(GridSize: 18, Count: 8, Seed: 9)),
            _ => new FnoDarcyFamily(new FnoDarcyOptions(GridSize: 17, OutputSize: 5, Count: 8, Seed: 9)),   // stored rows of 25, recycle space of 225
        };
        var options = new SweepOptions(new SolverSettings(method, preconditioner, 1e-8, Restart: 20, RecycleSize: 8), Ordering: ordering, WarmStart: warmStart);
        var uninterrupted = Run(systems, options);

        var first = new SweepSolver(systems, options);
        var before = Enumerable.Range(0, 3).Select(_ => first.SolveNext()).ToList();
        var state = first.SaveState();
        var resumed = new SweepSolver(systems, options);
        resumed.Restore(state, before);
        var after = new List<SweepSample>();
        while (!resumed.IsFinished) after.Add(resumed.SolveNext());

        var all = before.Concat(after).ToList();
        Assert.That(all.Select(s => s.Index), Is.EqualTo(uninterrupted.Select(s => s.Index)));
        for (int k = 0; k < all.Count; k++)
        {
            Assert.That(all[k].Solution, Is.EqualTo(uninterrupted[k].Solution), $"solution at position {k}, bit for bit");
            Assert.That((all[k].Iterations, all[k].MatrixVectorProducts, all[k].RelativeResidual, all[k].WarmStartFrom),
                Is.EqualTo((uninterrupted[k].Iterations, uninterrupted[k].MatrixVectorProducts, uninterrupted[k].RelativeResidual, uninterrupted[k].WarmStartFrom)));
        }
        if (method is "gcro-dr" or "deflated-cg")
            Assert.That(state.RecycleSpace, Is.Not.Empty, "the state carries the recycle space");
    }

    [Test]
    public void AFamilyWithAStoredGridStoresItsSolutionsThere()
    {
        var family = new FnoDarcyFamily(new FnoDarcyOptions(GridSize: 17, OutputSize: 5, Count: 3, Seed: 1));
        var sweep = new SweepSolver(family, new SweepOptions(new SolverSettings("cg", "amg-reuse", 1e-12), Ordering: "given"));
        Assert.That(sweep.StoredLength, Is.EqualTo(25));
        while (!sweep.IsFinished)
        {
            var sample = sweep.SolveNext();
            var (a, b) = family.System(sample.Index);
            var exact = a.ToMathNet().LU().Solve(Vector<double>.Build.DenseOfArray(b));
            // The fine solution at the fine points (4k, 4l), k, l = 1..3, is unknown (4k − 1) + 15 (4l − 1); the rest is boundary.
            var expected = new double[25];
            for (int l = 1; l <= 3; l++)
                for (int k = 1; k <= 3; k++)
                    expected[k + 5 * l] = exact[(4 * k - 1) + 15 * (4 * l - 1)];
            Assert.That(sample.Solution, Is.EqualTo(expected).Within(1e-10 * exact.AbsoluteMaximum()), $"system {sample.Index}");
            Assert.That(sample.RelativeResidual, Is.LessThanOrEqualTo(1e-12), "the residual is the fine system's");
        }
        var warm = Assert.Throws<ArgumentException>(() => new SweepSolver(family, new SweepOptions(new SolverSettings("cg"), WarmStart: true)));
        Assert.That(warm!.ParamName, Is.EqualTo("WarmStart"));
        Assert.That(warm.Message, Does.Contain("fno-darcy").And.Contain("subsampled"));
    }

    [Test]
    public void ShardsCoverTheOrderExactlyOnce()
    {
        for (int systems = 1; systems <= 23; systems++)
            for (int count = 1; count <= systems; count++)
            {
                var covered = new List<int>();
                for (int i = 1; i <= count; i++)
                {
                    var (start, end) = new SweepShard(i, count).Positions(systems);
                    Assert.That(end, Is.GreaterThan(start), $"shard {i}/{count} of {systems} is empty");
                    covered.AddRange(Enumerable.Range(start, end - start));
                }
                Assert.That(covered, Is.EqualTo(Enumerable.Range(0, systems)), $"{count} shards of {systems}");
            }
        var family = SmallSpd();
        var options = new SweepOptions(new SolverSettings("cg", "jacobi"), Ordering: "greedy");
        var whole = Run(family, options);
        var sharded = Enumerable.Range(1, 2).SelectMany(i => Run(family, options, new SweepShard(i, 2))).ToList();
        Assert.That(sharded.Select(s => (s.Index, s.Position)), Is.EqualTo(whole.Select(s => (s.Index, s.Position))));
        Assert.That(sharded.Select(s => s.Solution), Is.EqualTo(whole.Select(s => s.Solution)), "independent solves do not depend on the shard");
        Assert.Throws<ArgumentException>(() => new SweepShard(3, 2).Positions(10));
        Assert.Throws<ArgumentException>(() => new SweepShard(1, 4).Positions(3));
    }

    [Test]
    public void WarmStartUsesTheNearestSolvedSystemAndSavesIterationsOnNearbyFields()
    {
        // Fields on the path exp((1 − t) g₀ + t g₁), t ∈ [0, 0.2], shuffled: near neighbours have near solutions.
        const int s = 18, count = 10;
        var family = new DarcySpdFamily(new DarcySpdOptions(GridSize: s, Count: 2, Seed: 2));
        var (g0, g1) = (family.Field(0).Select(v => Math.Log(v)).ToArray(), family.Field(1).Select(v => Math.Log(v)).ToArray());
        var random = new Random(4);
        var path = Enumerable.Range(0, count).Select(k => 0.2 * k / (count - 1)).OrderBy(_ => random.Next())
            .Select(t => DarcySpdFamily.Assemble(g0.Zip(g1, (a, b) => Math.Exp((1 - t) * a + t * b)).ToArray(), s, 2)).ToList();
        var systems = new MatrixListSystems(path.Select(p => p.A).ToList(), path.Select(p => p.B).ToList(), true);
        var cold = Run(systems, new SweepOptions(new SolverSettings("cg", "jacobi"), Ordering: "greedy"));
        var warm = Run(systems, new SweepOptions(new SolverSettings("cg", "jacobi"), Ordering: "greedy", WarmStart: true));
        var fields = Enumerable.Range(0, systems.Count).Select(systems.Field).ToArray();
        for (int k = 1; k < warm.Count; k++)
        {
            var solvedBefore = warm.Take(k).Select(x => x.Index).ToList();
            int nearest = solvedBefore.OrderBy(j => Distance(fields[warm[k].Index], fields[j])).ThenBy(j => j).First();
            Assert.That(warm[k].WarmStartFrom, Is.EqualTo(nearest));
        }
        Assert.That(warm[0].WarmStartFrom, Is.EqualTo(-1));
        Assert.That(warm.All(x => x.Converged && x.RelativeResidual <= 1e-8));
        TestContext.Out.WriteLine($"CG + Jacobi iterations, {count} nearby systems: cold {cold.Sum(x => x.Iterations)}, warm {warm.Sum(x => x.Iterations)}");
        Assert.That(warm.Sum(x => x.Iterations), Is.LessThan(0.95 * cold.Sum(x => x.Iterations)), "at 1e-8 a warm start only saves the first orders of magnitude");
    }

    [Test]
    public void MatrixListSolvesTheGivenSystemsAndRejectsAnotherPattern()
    {
        var family = new DarcySpdFamily(new DarcySpdOptions(GridSize: 10, Count: 4, Seed: 1));
        var systems = Enumerable.Range(0, 4).Select(family.System).ToList();
        var list = new MatrixListSystems(systems.Select(s => s.A).ToList(), systems.Select(s => s.B).ToList(), symmetricPositiveDefinite: true);
        Assert.That(list.Field(2), Is.EqualTo(systems[2].A.Values));
        var fromList = Run(list, new SweepOptions(new SolverSettings("cholesky"), Ordering: "given"));
        var fromFamily = Run(family, new SweepOptions(new SolverSettings("cholesky"), Ordering: "given"));
        Assert.That(fromList.Select(s => s.Solution), Is.EqualTo(fromFamily.Select(s => s.Solution)));

        var other = new DarcySpdFamily(new DarcySpdOptions(GridSize: 11, Count: 1)).System(0);
        var e = Assert.Throws<ArgumentException>(() => new MatrixListSystems([systems[0].A, other.A], [systems[0].B, other.B], true));
        Assert.That(e!.Message, Does.Contain("Matrix 1").And.Contain("pattern"));
    }

    [Test]
    public void BadOptionsNameTheSettingAndTheChoices()
    {
        var e = Assert.Throws<ArgumentException>(() => new SweepOptions(new SolverSettings("gmress")).Validate());
        Assert.That(e!.Message, Does.Contain("Method is 'gmress'").And.Contain("'gcro-dr'"));
        Assert.Throws<ArgumentException>(() => new SweepOptions(new SolverSettings("cholesky", "jacobi")).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new SweepOptions(new SolverSettings("gcro-dr", Restart: 10, RecycleSize: 9)).Validate());
        var spd = Assert.Throws<ArgumentException>(() => new SweepSolver(SmallSkr(), new SweepOptions(new SolverSettings("cg"))));
        Assert.That(spd!.Message, Does.Contain("'cg'").And.Contain("skr-darcy"));
        Assert.Throws<ArgumentException>(() => new SweepSolver(SmallSkr(), new SweepOptions(new SolverSettings("gmres", "amg"))));
    }

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());

    private static List<SweepSample> Run(ISystemFamily family, SweepOptions options, SweepShard? shard = null)
    {
        var sweep = new SweepSolver(family, options, shard);
        var samples = new List<SweepSample>();
        while (!sweep.IsFinished) samples.Add(sweep.SolveNext());
        return samples;
    }
}
