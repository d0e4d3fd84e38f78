using static Rom.Tests.Krylov.KrylovTestProblems;

namespace Rom.Tests.Krylov;

public class BiCgStabTests
{
    [TestCase(1, false)]
    [TestCase(2, true)]
    public void SolvesNonSymmetricSystemsLikeDenseLu(int seed, bool jacobi)
    {
        var random = new Random(seed);
        foreach (var a in new[] { ConvectionDiffusion(12), RandomDarcy(random, 10) })
        {
            var b = TestMatrices.RandomVector(random, a.Rows);
            var result = new BiCgStab(new ConvergenceTest(1e-12, 2000)).Solve(a, b, jacobi ? new JacobiPreconditioner(a) : null);
            AssertSolves(a, b, result, 1e-12);
            Assert.That(result.MatrixVectorProducts, Is.LessThanOrEqualTo(2 * result.Iterations + 2));
        }
    }

    [Test]
    public void SolvesTheThermalBlock()
    {
        var (a, b) = ThermalBlock(8, 2, 3);
        var result = new BiCgStab(new ConvergenceTest(1e-11)).Solve(a, b, new JacobiPreconditioner(a));
        AssertSolves(a, b, result, 1e-11);
    }

    [Test]
    public void SkewSymmetricMatrixBreaksDown()
    {
        // For skew-symmetric A, (r̂₀, A r₀) = r₀ᵀ A r₀ = 0: α is undefined at the first step.
        var a = CsrMatrix.FromMathNet(Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 2.0, 0.0 }, { -2.0, 0.0, 1.0 }, { 0.0, -1.0, 0.0 } }));
        var result = new BiCgStab(new ConvergenceTest()).Solve(a, [1.0, 2.0, 3.0]);
        Assert.That(result.Reason, Is.EqualTo(StopReason.Breakdown), result.Message);
        Assert.That(result.Message, Does.Contain("vanished"));
        Assert.That(Vectors.AllFinite(result.Solution));
        Assert.That(result.FinalRelativeResidual, Is.EqualTo(TrueRelativeResidual(a, [1.0, 2.0, 3.0], result.Solution)).Within(1e-14));
    }

    [Test]
    public void VanishingOmegaIsABreakdown()
    {
        // A = diag(1, 1, −2), b = (−1, −1, −2): v = A b = (−1, −1, 4), α = ρ/σ = 6/−6 = −1, s = b − α v = (−2, −2, 2)
        // and t = A s = (−2, −2, −4), so (t, s) = 0 exactly: ω = 0 and the method cannot go on.
        var a = CsrMatrix.FromMathNet(Matrix<double>.Build.DenseOfDiagonalArray([1.0, 1.0, -2.0]));
        double[] b = [-1.0, -1.0, -2.0];
        var result = new BiCgStab(new ConvergenceTest(1e-12)).Solve(a, b);
        Assert.That(result.Reason, Is.EqualTo(StopReason.Breakdown), result.Message);
        Assert.That(result.Message, Does.Contain("ω"));
        Assert.That(result.FinalRelativeResidual, Is.EqualTo(TrueRelativeResidual(a, b, result.Solution)).Within(1e-14));
    }

    [Test]
    public void CapAndNonFiniteAreReported()
    {
        var a = ConvectionDiffusion(10);
        var b = TestMatrices.RandomVector(new Random(3), a.Rows);
        var capped = new BiCgStab(new ConvergenceTest(1e-14, 2)).Solve(a, b);
        Assert.That(capped.Reason, Is.EqualTo(StopReason.MaxIterations));
        Assert.That(capped.ResidualHistory, Has.Count.EqualTo(3));
        b[1] = double.NaN;
        Assert.That(new BiCgStab(new ConvergenceTest()).Solve(a, b).Reason, Is.EqualTo(StopReason.NonFinite));
        Assert.That(new BiCgStab(new ConvergenceTest()).Solve(a, new double[a.Rows], initialGuess: Enumerable.Repeat(double.NaN, a.Rows).ToArray()).Reason,
            Is.EqualTo(StopReason.NonFinite));
    }
}
