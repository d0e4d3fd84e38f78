namespace Rom.Tests.Krylov;

public class KrylovSolversTests
{
    [TestCase("cg", typeof(ConjugateGradient))]
    [TestCase("minres", typeof(Minres))]
    [TestCase("gmres", typeof(Gmres))]
    [TestCase("bicgstab", typeof(BiCgStab))]
    [TestCase("cholesky", typeof(SparseCholeskySolver))]
    [TestCase("gcro-dr", typeof(GcroDr))]
    [TestCase("deflated-cg", typeof(DeflatedCg))]
    public void EveryNameBuildsItsSolver(string name, Type type)
    {
        Assert.That(new SolverSettings(name).CreateSolver(), Is.TypeOf(type));
        Assert.That(KrylovSolvers.Method(name).Recycles, Is.EqualTo(name is "gcro-dr" or "deflated-cg"));
    }

    [Test]
    public void NamesAreUniqueAndTheRecyclingMethodsComeLast()
    {
        var methods = KrylovSolvers.Methods.Select(m => m.Name).ToList();
        Assert.That(methods, Is.Unique);
        Assert.That(KrylovSolvers.Preconditioners.Select(p => p.Name), Is.Unique);
        Assert.That(KrylovSolvers.Methods.SkipWhile(m => !m.Recycles).All(m => m.Recycles), "independent methods first");
        Assert.That(KrylovSolvers.Methods.Where(m => m.IsDirect).Select(m => m.Name), Is.EqualTo(new[] { "cholesky" }));
    }

    [Test]
    public void SettingsReachTheSolversTheyBuild()
    {
        var a = TestMatrices.GridLaplacian(6);
        var b = TestMatrices.RandomVector(new Random(1), a.Rows);
        var capped = new SolverSettings("gmres", "jacobi", RelativeTolerance: 1e-12, MaxIterations: 3, Restart: 2);
        var result = capped.CreateSolver().Solve(a, b, capped.CreatePreconditioner(a));
        Assert.That(result.Reason, Is.EqualTo(StopReason.MaxIterations), result.Message);
        Assert.That(result.Iterations, Is.EqualTo(3));
        Assert.That(capped.CreatePreconditioner(a), Is.TypeOf<JacobiPreconditioner>());
        Assert.That(new SolverSettings("cg", "none").CreatePreconditioner(a), Is.Null);
    }

    [Test]
    public void AReusedPreconditionerIsBuiltOnceAndRefreshedForTheNextMatrix()
    {
        var kind = KrylovSolvers.Preconditioner("amg-reuse");
        var a = TestMatrices.GridLaplacian(12);
        var first = kind.Build(a)!;
        var next = kind.Reuse!(first, a);
        Assert.That(next, Is.TypeOf<SmoothedAggregationPreconditioner>().And.Not.SameAs(first));
        Assert.That(((SmoothedAggregationPreconditioner)next).LevelSizes, Is.EqualTo(((SmoothedAggregationPreconditioner)first).LevelSizes));
        Assert.That(KrylovSolvers.Preconditioner("amg").Reuse, Is.Null);
    }

    [Test]
    public void BadSettingsNameTheSettingAndTheChoices()
    {
        var method = Assert.Throws<ArgumentException>(() => new SolverSettings("gmress").Validate());
        Assert.That(method!.ParamName, Is.EqualTo("Method"));
        Assert.That(method.Message, Does.Contain("Method is 'gmress'; expected one of 'cg', 'minres', 'gmres', 'bicgstab', 'cholesky', 'gcro-dr', 'deflated-cg'."));
        var preconditioner = Assert.Throws<ArgumentException>(() => new SolverSettings("cg", "ilu").Validate());
        Assert.That(preconditioner!.ParamName, Is.EqualTo("Preconditioner"));
        Assert.That(preconditioner.Message, Does.Contain("'ilu'").And.Contain("'ilu0'"));
        var direct = Assert.Throws<ArgumentException>(() => new SolverSettings("cholesky", "ic0").Validate());
        Assert.That(direct!.Message, Does.Contain("the direct method 'cholesky' takes 'none'"));
        var recycle = Assert.Throws<ArgumentOutOfRangeException>(() => new SolverSettings("gcro-dr", Restart: 10, RecycleSize: 9).Validate());
        Assert.That(recycle!.ParamName, Is.EqualTo("RecycleSize"));
        var tolerance = Assert.Throws<ArgumentOutOfRangeException>(() => new SolverSettings("cg", RelativeTolerance: 1).Validate());
        Assert.That(tolerance!.ParamName, Is.EqualTo("RelativeTolerance"));
    }
}
