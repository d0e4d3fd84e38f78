using static Rom.Tests.Reduction.ReductionTestProblems;

namespace Rom.Tests.Reduction.Residuals;

public class RoundOffTests
{
    /// <summary>
    /// Buhr, Engwer, Ohlberger, Rave (2014), Fig. 1: the classical bound stalls near √ε relative, the stable one
    /// follows the true error down to ~1e-12. Exact (dense Cholesky) solves keep the true error measurable.
    /// </summary>
    [Test]
    public void StableBoundFollowsTheTrueErrorWhereTheClassicalOneStalls()
    {
        var model = SmallBlock(blocks: 2, squares: 20);
        // Snapshots are exact to ~1e-15, so only remainders below 1e-14 are dependent (the default 1e-10 stops near 1e-11).
        var reductor = new CoerciveReductor(model, ReductorOptions(model));
        var surrogate = new RbGreedySurrogate(reductor, new RbGreedySurrogateOptions(DenseCholeskyInverse.Factory, DependenceTolerance: 1e-14));
        var greedy = WeakGreedy.Run(surrogate, ParameterSampling.Grid(model.ParameterSpace, 5), new GreedyOptions(MaxExtensions: 40));
        var stable = reductor.Reduce();
        var classical = new CoerciveReductor(model, ReductorOptions(model, ResidualEstimators.Classical), reductor.Basis).Reduce();
        var test = ParameterSampling.Uniform(model.ParameterSpace, 10, seed: 2);
        var solutions = test.Select(mu => Solve(model, mu)).ToArray();
        var norms = solutions.Select(u => EnergyNorm(model, u)).ToArray();

        TestContext.Out.WriteLine($"greedy stopped: {greedy.StopReason} at N = {stable.BasisSize}");
        TestContext.Out.WriteLine("N, max true rel. error, min / max classical rel. bound, max stable rel. bound (over 10 test parameters)");
        double trueError = 0, classicalMin = 0, stableMax = 0;
        for (int n = 0; n <= stable.BasisSize; n += n < stable.BasisSize - 5 ? 5 : 1)
        {
            var (s, c) = (stable.Truncate(n), classical.Truncate(n));
            trueError = 0; classicalMin = double.PositiveInfinity; stableMax = 0;
            double classicalMax = 0;
            var reduced = RelativeErrorsAndBounds(model, s, test, solutions, norms);
            for (int i = 0; i < test.Count; i++)
            {
                var (_, error, sb) = reduced[i];
                double cb = c.Solve(test[i]).ErrorBound / norms[i];
                // Below ~1e-13 the "true" error is the round-off of u and of V u_N themselves, not an error to certify.
                if (error > 1e-13)
                    Assert.That(sb, Is.GreaterThanOrEqualTo(error), $"N = {n}: the stable bound must stay certified");
                trueError = Math.Max(trueError, error);
                classicalMin = Math.Min(classicalMin, cb);
                classicalMax = Math.Max(classicalMax, cb);
                stableMax = Math.Max(stableMax, sb);
            }
            TestContext.Out.WriteLine($"{n,3}  {trueError:E2}  {classicalMin:E2} / {classicalMax:E2}  {stableMax:E2}");
        }
        Assert.That(trueError, Is.LessThan(1e-11), "the basis resolves the solution manifold");
        Assert.That(stableMax, Is.LessThan(1e-11), "stable bound goes down with the true error");
        Assert.That(classicalMin, Is.GreaterThan(1e-9), "classical bound stalls at about √ε");
    }

    /// <summary>
    /// Casenave, Ern, Lelièvre (2014), §5: the EIM approximation of the bound has no squared cancellation either, so
    /// it follows the true error below 1e-11 where the classical bound stalls (the stalling is shown above). One
    /// interpolation is trained per basis size, on the greedy's training set.
    /// </summary>
    [Test]
    public void InterpolatedBoundFollowsTheTrueErrorToRoundOff()
    {
        var model = SmallBlock(blocks: 2, squares: 20);
        var training = ParameterSampling.Grid(model.ParameterSpace, 5);
        var reductor = new CoerciveReductor(model, ReductorOptions(model));
        var surrogate = new RbGreedySurrogate(reductor, new RbGreedySurrogateOptions(DenseCholeskyInverse.Factory, DependenceTolerance: 1e-14));
        WeakGreedy.Run(surrogate, training, new GreedyOptions(MaxExtensions: 40));
        var test = ParameterSampling.Uniform(model.ParameterSpace, 10, seed: 2);
        var solutions = test.Select(mu => Solve(model, mu)).ToArray();
        var norms = solutions.Select(u => EnergyNorm(model, u)).ToArray();
        var options = ReductorOptions(model, new InterpolatedResidualEstimator(1e-6));

        TestContext.Out.WriteLine("N, max true rel. error, max interpolated rel. bound, min effectivity, points M, training error");
        double trueError = 0, boundMax = 0;
        int size = reductor.BasisSize;
        foreach (int n in new[] { size / 2, size - 4, size })
        {
            var rom = new CoerciveReductor(model, options, reductor.Basis.Take(n).ToArray()).ReduceWithEstimator(training);
            trueError = 0; boundMax = 0;
            double effectivity = double.PositiveInfinity;
            foreach (var (_, error, bound) in RelativeErrorsAndBounds(model, rom, test, solutions, norms))
            {
                if (error > 1e-13)
                {
                    Assert.That(bound, Is.GreaterThanOrEqualTo(error), $"N = {n}: the interpolated bound must stay above the error");
                    effectivity = Math.Min(effectivity, bound / error);
                }
                trueError = Math.Max(trueError, error);
                boundMax = Math.Max(boundMax, bound);
            }
            TestContext.Out.WriteLine($"{n,3}  {trueError:E2}  {boundMax:E2}  {effectivity:F2}  {rom.Data.Residual.Matrix.GetLength(0) / 2}  {rom.Data.Residual.InterpolationError:E1}");
        }
        Assert.That(trueError, Is.LessThan(1e-11), "the basis resolves the solution manifold");
        Assert.That(boundMax, Is.LessThan(1e-11), "the interpolated bound goes down with the true error");
    }

    /// <summary>On parameters outside the training set the interpolated ‖r(μ)‖ agrees with the exact (stable) one to the EIM tolerance.</summary>
    [Test]
    public void InterpolatedResidualNormMatchesTheExactOneOnRandomParameters()
    {
        var model = SmallBlock(blocks: 3, squares: 12);
        var training = ParameterSampling.LatinHypercube(model.ParameterSpace, 300, seed: 4);
        var built = ReducedBasis.Build(model, new ReducedBasisOptions(DenseCholeskyInverse.Factory, Ones(model), training,
            new GreedyOptions(MaxExtensions: 15)));
        const double tolerance = 1e-4;
        var options = ReductorOptions(model, new InterpolatedResidualEstimator(tolerance));
        var interpolated = new CoerciveReductor(model, options, built.Reductor.Basis).ReduceWithEstimator(training);
        Assert.That(interpolated.Data.Residual.InterpolationError, Is.LessThanOrEqualTo(tolerance));
        int points = interpolated.Data.Residual.Matrix.GetLength(0) / 2;
        TestContext.Out.WriteLine($"N = {interpolated.BasisSize}, M = {points} points, J = {interpolated.Data.Residual.Terms}, training error {interpolated.Data.Residual.InterpolationError:E2}");
        Assert.That(points, Is.LessThan(interpolated.Data.Residual.Terms), "fewer points than representers, else nothing is saved online");
        double worst = 0;
        foreach (var mu in ParameterSampling.Uniform(model.ParameterSpace, 50, seed: 9))
        {
            double exact = built.Model.Solve(mu).ResidualNorm, approximate = interpolated.Solve(mu).ResidualNorm;
            worst = Math.Max(worst, Math.Abs(approximate * approximate - exact * exact) / (exact * exact));
        }
        TestContext.Out.WriteLine($"largest relative error of ‖r‖² on 50 random parameters: {worst:E2}");
        Assert.That(worst, Is.LessThan(10 * tolerance), "off the training set the EIM error stays near its tolerance");
    }
}
