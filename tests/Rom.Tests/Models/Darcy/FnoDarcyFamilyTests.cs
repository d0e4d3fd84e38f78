namespace Rom.Tests.Models.Darcy;

public class FnoDarcyFamilyTests
{
    private static FnoDarcyFamily Small(int output = 9, int count = 3, int seed = 4) =>
        new(new FnoDarcyOptions(GridSize: 33, OutputSize: output, Count: count, Seed: seed));

    [Test]
    public void TheCoefficientIsTwelveWhereTheFieldIsPositiveAndThreeElsewhere()
    {
        var family = Small();
        for (int i = 0; i < family.Count; i++)
        {
            var g = family.Gaussian(i);
            var a = family.Coefficient(i);
            Assert.That(a, Has.Length.EqualTo(33 * 33));
            for (int p = 0; p < a.Length; p++)
                Assert.That(a[p], Is.EqualTo(g[p] > 0 ? 12.0 : 3.0), $"system {i}, point {p}: g = {g[p]}");
            Assert.That(a, Does.Contain(12.0).And.Contain(3.0), $"system {i} has both phases");
            Assert.That(family.Field(i), Is.EqualTo(family.StoredGrid.Restrict(a)), "the field is a on the stored grid");
        }
        Assert.That((family.Threshold(1e-300), family.Threshold(0), family.Threshold(-2)), Is.EqualTo((12.0, 3.0, 3.0)));
    }

    [Test]
    public void SystemsAreReproducibleBySeedAndIndependentOfTheCount()
    {
        var family = Small();
        Assert.That(Small().Gaussian(2), Is.EqualTo(family.Gaussian(2)), "same seed, same field");
        Assert.That(Small(count: 7).Gaussian(1), Is.EqualTo(family.Gaussian(1)), "system i does not depend on how many systems follow it");
        Assert.That(Small(seed: 5).Gaussian(1), Is.Not.EqualTo(family.Gaussian(1)));
        Assert.That(family.Gaussian(0), Is.Not.EqualTo(family.Gaussian(1)));
        Assert.That(Small(count: 7).System(1).A.Values, Is.EqualTo(family.System(1).A.Values));
    }

    [Test]
    public void AnotherOutputSizeStoresTheSameSystems()
    {
        // The zero-shot test set: the same seed at two stored resolutions holds the same fields, solved on the same grid.
        var coarse = Small(output: 9);
        var finer = Small(output: 17);
        Assert.That((coarse.StoredGrid.Stride, finer.StoredGrid.Stride), Is.EqualTo((4, 2)));
        for (int i = 0; i < coarse.Count; i++)
        {
            var f = finer.Field(i);
            var everyOther = Enumerable.Range(0, 81).Select(q => f[2 * (q % 9) + 17 * 2 * (q / 9)]).ToArray();
            Assert.That(coarse.Field(i), Is.EqualTo(everyOther), $"system {i}");
            Assert.That(coarse.System(i).A.Values, Is.EqualTo(finer.System(i).A.Values));
        }
    }

    [Test]
    public void TheMatrixIsTheArithmeticFaceAverageOfTheCoefficient()
    {
        var family = Small();
        var (a, b) = family.System(0);
        var c = family.Coefficient(0);
        Assert.That(a.Rows, Is.EqualTo(family.Unknowns).And.EqualTo(31 * 31));
        var transpose = a.Transpose();
        Assert.That(transpose.Values, Is.EqualTo(a.Values), "symmetric");
        // Unknown p = (i − 1) + 31 (j − 1) is the grid point i + 33 j; its east neighbour is p + 1, its north one p + 31.
        for (int p = 0; p < a.Rows; p += 37)
        {
            int i = 1 + p % 31, j = 1 + p / 31, point = i + 33 * j;
            if (i < 31) Assert.That(a[p, p + 1], Is.EqualTo(-(c[point] + c[point + 1]) / 2), $"east face of unknown {p}");
            if (j < 31) Assert.That(a[p, p + 31], Is.EqualTo(-(c[point] + c[point + 33]) / 2), $"north face of unknown {p}");
        }
        Assert.That(b, Is.All.EqualTo(1.0 / (32 * 32)).Within(1e-18));
        Assert.That(family.IsSymmetricPositiveDefinite);
        Assert.DoesNotThrow(() => SparseCholesky.Factor(a), "positive definite");
    }

    [Test]
    public void RejectsBadOptions()
    {
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => new FnoDarcyFamily(new FnoDarcyOptions(GridSize: 513, OutputSize: 64)))!.ParamName, Is.EqualTo("Size"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FnoDarcyFamily(new FnoDarcyOptions(GridSize: 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FnoDarcyFamily(new FnoDarcyOptions(Count: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FnoDarcyFamily(new FnoDarcyOptions(Tau: -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FnoDarcyFamily(new FnoDarcyOptions(Negative: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Small().Gaussian(3));
    }

    /// <summary>
    /// The cost of one system at the fine sizes of the shipped case: generation, assembly and three solvers (the least
    /// of three runs of each, so a shared machine's hiccups do not set the figure).
    /// </summary>
    [TestCase(257), TestCase(513), Explicit("benchmark"), Category("Benchmark")]
    public void OneSystemAtTheFineSizes(int s)
    {
        var family = new FnoDarcyFamily(new FnoDarcyOptions(GridSize: s, OutputSize: 65, Count: 2));
        double[] coefficient = [];
        double field = Least(() => coefficient = family.Coefficient(1));
        var (a, b) = family.System(1);
        double assembly = Least(() => FluxDifferences.Assemble(coefficient, s, 2, FaceAverage.Arithmetic));
        var x = new double[a.Rows];
        var cholesky = SparseCholesky.Factor(family.System(0).A);
        double factor = Least(() => { cholesky.Refactor(a); cholesky.Solve(b, x); });
        int iterations = 0, reusedIterations = 0;
        double amg = Least(() => iterations = new ConjugateGradient(new ConvergenceTest(1e-8)).Solve(a, b, new SmoothedAggregationPreconditioner(a)).Iterations);
        var first = new SmoothedAggregationPreconditioner(family.System(0).A);
        double reuse = Least(() => reusedIterations = new ConjugateGradient(new ConvergenceTest(1e-8)).Solve(a, b, first.Reuse(a)).Iterations);
        TestContext.Out.WriteLine($"s_f = {s}, n = {a.Rows:N0}: field {field:F3} s, assembly {assembly:F3} s, Cholesky (symbolic analysis reused) {factor:F3} s, " +
            $"AMG-PCG {amg:F3} s ({iterations} it.), PCG with the first system's AMG refreshed {reuse:F3} s ({reusedIterations} it.)");
    }

    private static double Least(Action work) => Enumerable.Range(0, 3).Min(_ =>
    {
        var clock = Stopwatch.StartNew();
        work();
        return clock.Elapsed.TotalSeconds;
    });
}
