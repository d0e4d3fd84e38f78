namespace Rom.Cli.Tests;

public class RunCommandTests : TempFolderTest
{
    [Test]
    public void NewThenRunWritesResultsPlotsAndSummary()
    {
        string casePath = Cli.New("thermal-block", PathOf("tb.h5")), results = PathOf("out/tb.h5");

        var run = Cli.Run("run", casePath, "--out", results, "--set", "problem.squares_per_side=24", "--set", "reduction.enabled=0");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Out, Does.Contain("mean of u over the square").And.Contain("ok: "));
        foreach (var plot in new[] { "tb-solution.svg", "tb-solution.png", "tb-residuals.svg", "tb-residuals.png" })
            Assert.That(File.Exists(PathOf("out/" + plot)), plot);
        var tree = Hdf5File.Read(results);
        Assert.That(tree.Attributes["format"].AsStrings()[0], Is.EqualTo("rom-results"));
        Assert.That(tree.Attributes["succeeded"].AsLongs()[0], Is.EqualTo(1));
        Assert.That(tree.Attributes["case_sha256"].AsStrings()[0], Has.Length.EqualTo(64));
        Assert.That(tree.Group("case/problem").Attributes["squares_per_side"].AsLongs()[0], Is.EqualTo(24),
            "the results record the effective (overridden) settings");
        Assert.That(tree.Dataset("solution/nodal").Count, Is.EqualTo(25 * 25 + 24 * 24));
        Assert.That(tree.Dataset("solver/residual_history").AsDoubles()[^1], Is.LessThanOrEqualTo(1e-10));
    }

    [Test]
    public void OperatorEimDefaultReproducesTheTestMatricesAndMeetsItsBound()
    {
        string casePath = Cli.New("operator-eim", PathOf("oe.h5"));
        var root = Cli.Json("run", casePath, "--out", PathOf("r.h5"), "--json", "--set", "output.plots=0");
        double Value(string key) => root.GetProperty(key).GetDouble();
        Assert.That(root.GetProperty("eim_terms").GetInt64(), Is.InRange(5, 63), "fewer terms than the 64 training matrices");
        Assert.That(Value("eim_max_test_entrywise"), Is.LessThan(10 * 1e-7), "held-out matrices within 10× the EIM tolerance");
        Assert.That(Value("min_effectivity"), Is.GreaterThanOrEqualTo(1));
        Assert.That(Value("max_rel_error"), Is.LessThan(1e-5));
        Assert.That(Value("max_true_rel_error"), Is.LessThanOrEqualTo(Value("max_true_bound")));
        Assert.That(Value("coercivity_lower_bound"), Is.GreaterThan(0).And.LessThan(Value("sampled_coercivity")));
    }

    [Test]
    public void JsonOutputIsOneObjectWithTheSummaryKeys()
    {
        string casePath = Cli.New("thermal-block", PathOf("tb.h5"));

        var root = Cli.Json("run", casePath, "--out", PathOf("r.h5"), "--json", "--set", "problem.squares_per_side=10", "--set", "output.plots=0", "--set", "reduction.enabled=0");
        Assert.That(root.GetProperty("succeeded").GetBoolean());
        Assert.That(root.GetProperty("unknowns").GetInt64(), Is.EqualTo(11 * 11 + 10 * 10 - 4 * 10));
        Assert.That(root.GetProperty("output_mean").GetDouble(), Is.GreaterThan(0));
        Assert.That(root.GetProperty("iterations").GetInt64(), Is.GreaterThan(0));
        Assert.That(root.GetProperty("plots").GetArrayLength(), Is.EqualTo(0));
    }

    [Test]
    public void NonConvergenceFailsWithExitCodeOneButStillWritesResults()
    {
        string casePath = Cli.New("thermal-block", PathOf("tb.h5")), results = PathOf("r.h5");

        var run = Cli.Run("run", casePath, "--out", results, "--set", "problem.squares_per_side=20", "--set", "solver.max_iterations=3", "--set", "output.plots=0");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain("the run failed"));
        Assert.That(Hdf5File.Read(results).Attributes["succeeded"].AsLongs()[0], Is.EqualTo(0));
    }

    [Test]
    public void AffineSystemExampleRunsAndMatchesTheThermalBlockItCameFrom()
    {
        // rom new affine-system exports a 2×2 thermal block with 20 squares; solving it at mu must give the
        // same mean as the thermal-block kind at the same mu (two paths through different code).
        string affine = PathOf("a.h5"), block = PathOf("b.h5");
        Cli.New("affine-system", affine);
        Cli.New("thermal-block", block);
        var a = Cli.Run("run", affine, "--out", PathOf("ra.h5"), "--json", "--set", "output.plots=0", "--set", "solver.relative_tolerance=1e-12");
        var b = Cli.Run("run", block, "--out", PathOf("rb.h5"), "--json", "--set", "output.plots=0", "--set", "solver.relative_tolerance=1e-12",
            "--set", "problem.blocks_x=2", "--set", "problem.blocks_y=2", "--set", "problem.squares_per_side=20", "--set", "run.diffusion=0.2,1.0,0.6,0.4",
            "--set", "reduction.enabled=0");
        Assert.That(a.ExitCode, Is.EqualTo(0), a.ToString());
        Assert.That(b.ExitCode, Is.EqualTo(0), b.ToString());
        var uA = Hdf5File.Read(PathOf("ra.h5")).Dataset("solution/u").AsDoubles();
        var uB = Hdf5File.Read(PathOf("rb.h5")).Dataset("solution/u").AsDoubles();
        Assert.That(uA, Is.EqualTo(uB).Within(1e-9));
    }
}
