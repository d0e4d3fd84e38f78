namespace Rom.Tests.Krylov;

public class ConvergenceTestTests
{
    [Test]
    public void CheckDecidesInTheOrderNonFiniteConvergedDivergedCap()
    {
        var test = new ConvergenceTest(RelativeTolerance: 1e-6, MaxIterations: 10, DivergenceTolerance: 100);
        Assert.That(test.Check(3, 0.5, 1, 1, ResidualNorm.Unpreconditioned), Is.Null);
        Assert.That(test.Check(10, double.NaN, 1, 1, ResidualNorm.Unpreconditioned)!.Value.Reason, Is.EqualTo(StopReason.NonFinite));
        Assert.That(test.Check(10, 1e-7, 1, 1, ResidualNorm.Unpreconditioned)!.Value.Reason, Is.EqualTo(StopReason.Converged), "converged wins over the cap");
        Assert.That(test.Check(10, 200, 1, 1, ResidualNorm.Unpreconditioned)!.Value.Reason, Is.EqualTo(StopReason.Diverged), "diverged wins over the cap");
        Assert.That(test.Check(10, 0.5, 1, 1, ResidualNorm.Unpreconditioned)!.Value.Reason, Is.EqualTo(StopReason.MaxIterations));
        Assert.That(test.Check(4, 1e-7, 1, 1, ResidualNorm.Unpreconditioned, estimate: true), Is.Null, "an estimate waits for its confirmation");
    }

    [Test]
    public void MessagesNameTheNormTheValueAndTheIteration()
    {
        var test = new ConvergenceTest(RelativeTolerance: 1e-6, MaxIterations: 7, DivergenceTolerance: 10);
        Assert.That(test.Check(5, 8.1e-7, 1, 1, ResidualNorm.Preconditioned)!.Value.Message,
            Is.EqualTo("converged to relative preconditioned residual 8.1E-07 in 5 iterations"));
        Assert.That(test.Check(7, 0.25, 1, 1, ResidualNorm.Natural)!.Value.Message,
            Is.EqualTo("reached the cap of 7 iterations at relative M⁻¹-norm residual 0.25"));
        Assert.That(test.Check(2, double.PositiveInfinity, 1, 1, ResidualNorm.Unpreconditioned)!.Value.Message,
            Is.EqualTo("the relative residual became non-finite at iteration 2"));
        Assert.That(test.Check(3, 20, 1, 0.5, ResidualNorm.Unpreconditioned)!.Value.Message,
            Is.EqualTo("the relative residual 20 exceeds 10 times its initial value 0.5 at iteration 3"));
    }

    [Test]
    public void TheAbsoluteToleranceLowersTheBarOnlyWhenItIsTheLooserOne()
    {
        var test = new ConvergenceTest(RelativeTolerance: 1e-8, AbsoluteTolerance: 1e-6);
        Assert.That(test.Threshold(10), Is.EqualTo(1e-7).Within(1e-22), "‖r‖ ≤ 1e-6 means r/‖b‖ ≤ 1e-7 for ‖b‖ = 10");
        Assert.That(test.Threshold(1e6), Is.EqualTo(1e-8), "the relative tolerance is looser for a large ‖b‖");
        Assert.That(new ConvergenceTest(RelativeTolerance: 1e-8).Threshold(1e-30), Is.EqualTo(1e-8), "off by default");
    }

    [Test]
    public void AnAbsoluteToleranceStopsCgAtTheFirstResidualBelowIt()
    {
        var random = new Random(3);
        var a = TestMatrices.RandomSpd(random, 40);
        var b = TestMatrices.RandomVector(random, 40);
        double bNorm = Vectors.Norm(b);
        var full = new ConjugateGradient(new ConvergenceTest(1e-12)).Solve(a, b);
        double absolute = 1e-4 * bNorm;
        int expected = full.ResidualHistory.ToList().FindIndex(r => r * bNorm <= absolute);
        var early = new ConjugateGradient(new ConvergenceTest(1e-12, AbsoluteTolerance: absolute)).Solve(a, b);
        Assert.That(early.Reason, Is.EqualTo(StopReason.Converged), early.Message);
        Assert.That(early.Iterations, Is.EqualTo(expected).And.LessThan(full.Iterations));
        Assert.That(early.ResidualHistory, Is.EqualTo(full.ResidualHistory.Take(expected + 1)));
    }

    [Test]
    public void CgWhoseResidualGrowsTenfoldStopsAsDiverged()
    {
        // A = diag(1, 100), b = (10, 1): α₀ = 101/200 sends r₁ = (4.95, −49.5), ‖r₁‖ ≈ 4.95 ‖r₀‖.
        var a = CsrMatrix.FromTriplets(2, 2, [0, 1], [0, 1], [1.0, 100.0]);
        double[] b = [10, 1];
        var result = new ConjugateGradient(new ConvergenceTest(DivergenceTolerance: 2)).Solve(a, b);
        Assert.That(result.Reason, Is.EqualTo(StopReason.Diverged), result.Message);
        Assert.That(result.Iterations, Is.EqualTo(1));
        Assert.That(result.ResidualHistory[1], Is.EqualTo(Math.Sqrt(4.95 * 4.95 + 49.5 * 49.5) / Math.Sqrt(101)).Within(1e-12));
        Assert.That(new ConjugateGradient(new ConvergenceTest()).Solve(a, b).Converged, "off by default: the same solve converges");
    }

    [Test]
    public void ResultsSayWhichNormTheirHistoryIsIn()
    {
        var a = TestMatrices.GridLaplacian(8);
        var b = TestMatrices.RandomVector(new Random(2), a.Rows);
        var jacobi = new JacobiPreconditioner(a);
        Assert.That(new ConjugateGradient(new ConvergenceTest()).Solve(a, b, jacobi).HistoryNorm, Is.EqualTo(ResidualNorm.Unpreconditioned));
        Assert.That(new Minres(new ConvergenceTest()).Solve(a, b).HistoryNorm, Is.EqualTo(ResidualNorm.Unpreconditioned));
        Assert.That(new Minres(new ConvergenceTest()).Solve(a, b, jacobi).HistoryNorm, Is.EqualTo(ResidualNorm.Natural));
        Assert.That(new Gmres(new GmresOptions(PreconditionerSide: PreconditionerSide.Left)).Solve(a, b, jacobi).HistoryNorm, Is.EqualTo(ResidualNorm.Preconditioned));
        Assert.That(new Gmres(new GmresOptions()).Solve(a, b, jacobi).HistoryNorm, Is.EqualTo(ResidualNorm.Unpreconditioned));
    }

    [TestCase(0.0, 10, 0.0, double.PositiveInfinity, "RelativeTolerance")]
    [TestCase(1e-8, 0, 0.0, double.PositiveInfinity, "MaxIterations")]
    [TestCase(1e-8, 10, -1.0, double.PositiveInfinity, "AbsoluteTolerance")]
    [TestCase(1e-8, 10, 0.0, 1.0, "DivergenceTolerance")]
    [TestCase(1e-8, 10, 0.0, double.NaN, "DivergenceTolerance")]
    public void ValidateNamesTheUnusableSetting(double relative, int cap, double absolute, double divergence, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ConvergenceTest(relative, cap, absolute, divergence).Validate());
        Assert.That(e!.ParamName, Is.EqualTo(name));
    }
}
