using static Rom.Tests.Reduction.ReductionTestProblems;

namespace Rom.Tests.Reduction.Residuals;

public class SketchedResidualNormTests
{
    /// <summary>
    /// The χ² quantiles against SciPy 1.10 (Debian): /usr/bin/python3 -c "from scipy.stats import chi2; print(chi2.ppf(d, k))".
    /// </summary>
    [TestCase(64, 1e-12, 13.158568287525082)]
    [TestCase(16, 1e-6, 1.450693322454247)]
    [TestCase(128, 1e-15, 38.71405608757625)]
    [TestCase(4, 0.05, 0.7107230213973239)]
    public void QuantileMatchesSciPy(int rows, double delta, double scipy) =>
        Assert.That(SketchedResidualNorm.Quantile(rows, delta), Is.EqualTo(scipy).Within(1e-9 * scipy));

    /// <summary>
    /// The claim itself: over independent sketches, ‖S y‖ falls below ‖B y‖ with probability δ. With k = 4 and δ = 0.05,
    /// 4,000 draws give 200 failures expected (binomial standard deviation 14); a wrong scale moves it by far more.
    /// </summary>
    [Test]
    public void SketchFallsBelowTheTrueNormWithProbabilityDelta()
    {
        var random = new Random(7);
        int range = 12, terms = 20;
        var b = new double[range, terms];
        for (int k = 0; k < range; k++)
            for (int j = k; j < terms; j++) b[k, j] = random.NextDouble() - 0.5;
        var stable = new ResidualNormData("stable", b);
        var y = Enumerable.Range(0, terms).Select(_ => random.NextDouble() - 0.5).ToArray();
        double exact = stable.ToOnline().Evaluate(y, []);
        const int draws = 4000;
        int failures = 0;
        for (int seed = 0; seed < draws; seed++)
        {
            var sketch = SketchedResidualNorm.Build(stable, new SketchOptions(Rows: 4, FailureProbability: 0.05, Seed: seed));
            if (sketch.ToOnline().Evaluate(y, []) < exact) failures++;
        }
        TestContext.Out.WriteLine($"{failures} of {draws} sketches below the true norm (expected {0.05 * draws})");
        Assert.That(failures, Is.InRange(150, 250));
    }

    /// <summary>
    /// Like the stable bound (RoundOffTests), the sketched one has no squared cancellation: on the 2×2 block it stays
    /// above the true error and follows it below 1e-11, at a bounded effectivity.
    /// </summary>
    [Test]
    public void SketchedBoundFollowsTheTrueErrorToRoundOff()
    {
        var model = SmallBlock(blocks: 2, squares: 20);
        var options = ReductorOptions(model, new SketchedResidualEstimator());
        var reductor = new CoerciveReductor(model, options);
        var surrogate = new RbGreedySurrogate(reductor, new RbGreedySurrogateOptions(DenseCholeskyInverse.Factory, DependenceTolerance: 1e-14));
        WeakGreedy.Run(surrogate, ParameterSampling.Grid(model.ParameterSpace, 5), new GreedyOptions(MaxExtensions: 40));
        var sketched = reductor.ReduceWithEstimator([]);
        var stable = reductor.Reduce();
        Assert.That(sketched.Data.Residual.Estimator, Is.EqualTo("sketched"));
        Assert.That(sketched.Data.Residual.FailureProbability, Is.EqualTo(1e-12));
        var test = ParameterSampling.Uniform(model.ParameterSpace, 10, seed: 2);
        var solutions = test.Select(mu => Solve(model, mu)).ToArray();
        var norms = solutions.Select(u => EnergyNorm(model, u)).ToArray();

        TestContext.Out.WriteLine("N, max true rel. error, max sketched rel. bound, sketched / stable bound (min–max)");
        double trueError = 0, boundMax = 0;
        foreach (int n in new[] { 4, 10, sketched.BasisSize })
        {
            var (s, t) = (sketched.Truncate(n), stable.Truncate(n));
            trueError = 0; boundMax = 0;
            double ratioMin = double.PositiveInfinity, ratioMax = 0;
            var reduced = RelativeErrorsAndBounds(model, s, test, solutions, norms);
            for (int i = 0; i < test.Count; i++)
            {
                var (solution, error, bound) = reduced[i];
                if (error > 1e-13)
                    Assert.That(bound, Is.GreaterThanOrEqualTo(error), $"N = {n}: the sketched bound stays above the error");
                double ratio = solution.ErrorBound / t.Solve(test[i]).ErrorBound;
                (ratioMin, ratioMax) = (Math.Min(ratioMin, ratio), Math.Max(ratioMax, ratio));
                trueError = Math.Max(trueError, error);
                boundMax = Math.Max(boundMax, bound);
            }
            TestContext.Out.WriteLine($"{n,3}  {trueError:E2}  {boundMax:E2}  {ratioMin:F2}–{ratioMax:F2}");
            // k = 64, δ = 1e-12: the sketched norm is the stable one times √(χ²₆₄ / q_δ), about 1.6–2.8 (never below 1 here).
            Assert.That(ratioMin, Is.GreaterThan(1), $"N = {n}");
            Assert.That(ratioMax, Is.LessThan(4), $"N = {n}");
        }
        Assert.That(trueError, Is.LessThan(1e-11), "the basis resolves the solution manifold");
        Assert.That(boundMax, Is.LessThan(1e-11), "the sketched bound goes down with the true error");
    }

    [Test]
    public void BadSettingsAndDataAreNamed()
    {
        var stable = new ResidualNormData("stable", new double[2, 3]);
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => SketchedResidualNorm.Build(stable, new SketchOptions(Rows: 0)))!.ParamName, Is.EqualTo("Rows"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => SketchedResidualNorm.Build(stable, new SketchOptions(FailureProbability: 1)))!.ParamName, Is.EqualTo("FailureProbability"));
        var classical = new ResidualNormData("classical", new double[3, 3]);
        Assert.Throws<ArgumentException>(() => SketchedResidualNorm.Build(classical, new SketchOptions()));
        var sketchWithoutDelta = new ResidualNormData("sketched", new double[4, 3]);
        Assert.Throws<ArgumentOutOfRangeException>(sketchWithoutDelta.Validate);
    }
}
