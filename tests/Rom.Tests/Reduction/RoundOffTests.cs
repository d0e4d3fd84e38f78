using Rom.Parameters;
using Rom.Reduction;
using static Rom.Tests.Reduction.ReductionTestProblems;

namespace Rom.Tests.Reduction;

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
        var classical = new CoerciveReductor(model, ReductorOptions(model, ResidualEstimatorKind.Classical), reductor.Basis).Reduce();
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
            for (int i = 0; i < test.Count; i++)
            {
                var solution = s.Solve(test[i]);
                double error = EnergyDistance(model, solutions[i], s.Reconstruct(solution.Coefficients)) / norms[i];
                double cb = c.Solve(test[i]).ErrorBound / norms[i], sb = solution.ErrorBound / norms[i];
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
}
